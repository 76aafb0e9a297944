import type { Metadata } from "next";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { Card } from "@/components/layout/card";
import { PageHeader } from "@/components/layout/page-header";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requirePage } from "@/lib/auth/require-page";
import { readListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Audit log" };

export default async function OperatorAuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  await requirePage("audit:read-all");
  const { q, page, notice } = readListQuery(await searchParams);
  const log = await listAuditLog({ scope: "all-customers", q, page });
  return (
    <>
      <PageHeader title="Audit Log" description="What was done on the platform, in every company, newest first (times in UTC)." />
      <Card>
        <AuditLogTable log={log} basePath="/operator/audit" q={q} notice={notice} timeZone="UTC" showCompany />
      </Card>
    </>
  );
}
