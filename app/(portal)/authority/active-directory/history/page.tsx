import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { listRuns } from "@/lib/sync/history/list-runs";
import { runChartPoints } from "@/lib/sync/history/run-chart-points";
import { readListQuery } from "@/lib/validation/list-query";
import { RunHistory } from "../../entra/history/run-history";
import { ldapTriggerLabel } from "../trigger-labels";

export const metadata: Metadata = { title: "Active Directory import history" };

export default async function LdapImportHistoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const { page } = readListQuery(await searchParams);
  const [customer, runs, points] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    listRuns({ customerId: actor.customerId, connector: "ldap", page }),
    runChartPoints({ customerId: actor.customerId, connector: "ldap" }),
  ]);
  return (
    <Card title="Import history">
      <p className="mb-4 text-sm">
        <Link className="text-sky-700 underline" href="/authority/active-directory">
          Back to Active Directory
        </Link>
      </p>
      <RunHistory
        runs={runs}
        points={points}
        timeZone={customer.timeZone}
        basePath="/authority/active-directory/history"
        runsPath="/authority/active-directory/runs"
        labels={ldapTriggerLabel}
        emptyText="No import has run yet."
      />
    </Card>
  );
}
