import type { Metadata } from "next";
import { ProvisioningScreen } from "@/components/provisioning/provisioning-screen";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { saveScimProvisioningAction } from "./actions";

export const metadata: Metadata = { title: "SCIM provisioning settings" };

export default async function ScimProvisioningPage() {
  const actor = await requireCustomerPage("settings:manage");
  return <ProvisioningScreen customerId={actor.customerId} source="scim" action={saveScimProvisioningAction} />;
}
