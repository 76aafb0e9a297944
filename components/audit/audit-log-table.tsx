import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { SearchForm } from "@/components/list/search-form";
import type { listAuditLog } from "@/lib/audit/list-audit-log";
import { formatDateTime } from "@/lib/format-date";
import { actionLabel } from "./action-labels";

type Props = {
  log: Awaited<ReturnType<typeof listAuditLog>>;
  /** The page's own address, for the search and the page links. */
  basePath: string;
  q: string;
  notice?: string | null;
  timeZone: string;
  /** The operator reads every company's records, so each row names its company. */
  showCompany: boolean;
};

/** `detail` as short "name: value" pairs; it holds field names, counts and portal IDs, never a secret. */
function describeDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(
      ([name, value]) =>
        `${name}: ${Array.isArray(value) ? value.join(", ") : typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`,
    )
    .join(" · ");
}

/** An audit log, newest first: when, who, what, to which record, and the record's detail. */
export function AuditLogTable({ log, basePath, q, notice, timeZone, showCompany }: Props) {
  return (
    <>
      <SearchForm action={basePath} q={q} notice={notice} placeholder={`Search by action, record, portal ID or name${showCompany ? ", or company" : ""}`} />
      <ListTable
        columns={["When", ...(showCompany ? ["Company"] : []), "Who", "What", "Record", "Detail"]}
        empty={log.rows.length > 0 ? null : q ? "No record matches your search." : "Nothing has been recorded yet."}
      >
        {log.rows.map((row) => (
          <tr key={row.id} className="border-b align-top last:border-0">
            <td className="whitespace-nowrap py-2 pr-4">{formatDateTime(row.createdAt, timeZone)}</td>
            {showCompany ? <td className="py-2 pr-4">{row.companyName ?? "Platform"}</td> : null}
            <td className="py-2 pr-4">{row.actorPortalId ? `${row.actorName} (${row.actorPortalId})` : "A deleted login"}</td>
            <td className="py-2 pr-4">{actionLabel(row.action)}</td>
            <td className="py-2 pr-4 font-mono text-xs">{row.targetId ? `${row.targetType} ${row.targetId}` : row.targetType}</td>
            <td className="max-w-md break-words py-2 pr-4 text-xs text-slate-600">{describeDetail(row.detail) || "—"}</td>
          </tr>
        ))}
      </ListTable>
      <Pagination basePath={basePath} params={{ q }} page={log.page} pageCount={log.pageCount} total={log.total} />
    </>
  );
}
