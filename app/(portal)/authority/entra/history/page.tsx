import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { listRuns } from "@/lib/sync/history/list-runs";
import { runChartPoints } from "@/lib/sync/history/run-chart-points";
import { readListQuery } from "@/lib/validation/list-query";
import { RunHistory } from "./run-history";

export const metadata: Metadata = { title: "Sync history" };

export default async function SyncHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const { page } = readListQuery(await searchParams);
  const [customer, runs, points] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    listRuns({ customerId: actor.customerId, connector: "entra", page }),
    runChartPoints({ customerId: actor.customerId, connector: "entra" }),
  ]);
  return (
    <Card title="Sync history">
      <RunHistory runs={runs} points={points} timeZone={customer.timeZone} basePath="/authority/entra/history" runsPath="/authority/entra/runs" />
    </Card>
  );
}
