import type { Metadata } from "next";
import { ConnectorHistory } from "@/components/sync/connector-history";
import { requireCustomerPage } from "@/lib/auth/require-page";

export const metadata: Metadata = { title: "Sync history" };

export default async function EntraHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  return <ConnectorHistory customerId={actor.customerId} connector="entra" query={await searchParams} />;
}
