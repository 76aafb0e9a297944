import type { Metadata } from "next";
import { ConnectorHistory } from "@/components/sync/connector-history";
import { requireCustomerPage } from "@/lib/auth/require-page";

export const metadata: Metadata = { title: "Active Directory import history" };

// No tab leads to this page: it links back to the connector's screen.
export default async function ActiveDirectoryHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  return <ConnectorHistory customerId={actor.customerId} connector="active-directory" query={await searchParams} backLink />;
}
