import type { Metadata } from "next";
import { ProvisioningScreen } from "@/components/provisioning/provisioning-screen";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { saveLdapProvisioningAction } from "./actions";

export const metadata: Metadata = { title: "Active Directory provisioning" };

export default async function ActiveDirectoryProvisioningPage() {
  const actor = await requireCustomerPage("settings:manage");
  return <ProvisioningScreen customerId={actor.customerId} source="active-directory" action={saveLdapProvisioningAction} />;
}
