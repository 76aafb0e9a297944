import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { readListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("audit:read");
  const { q, page, notice } = readListQuery(await searchParams);
  const [customer, log] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    listAuditLog({ scope: { customerId: actor.customerId }, q, page }),
  ]);
  return (
    <>
      <PageHeader title="Audit Log" description="Who changed what in your company's portal: settings, users, links, tokens and syncs." />
      <Card>
        <AuditLogTable log={log} basePath="/audit" q={q} notice={notice} timeZone={customer.timeZone} showCompany={false} />
      </Card>
    </>
  );
}
