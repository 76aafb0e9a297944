import type { Metadata } from "next";
import { ProvisioningScreen } from "@/components/provisioning/provisioning-screen";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import { saveEntraProvisioningAction } from "./actions";

export const metadata: Metadata = { title: "MS AAD provisioning" };

export default async function EntraProvisioningPage() {
  const actor = await requireCustomerPage("settings:manage");
  const entra = await getEntraSettings({ customerId: actor.customerId });
  return <ProvisioningScreen customerId={actor.customerId} source="entra" action={saveEntraProvisioningAction} canSearchGroups={entra !== null} />;
}
