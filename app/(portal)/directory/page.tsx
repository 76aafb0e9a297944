import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { LinkButton } from "@/components/layout/link-button";
import { PageHeader } from "@/components/layout/page-header";
import { Pagination } from "@/components/list/pagination";
import { SearchForm } from "@/components/list/search-form";
import { can } from "@/lib/auth/permissions";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { isSynced } from "@/lib/directory/local-fields";
import { searchDirectory } from "@/lib/directory/search-directory";
import { listQuery } from "@/lib/validation/fields";
import { StatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Company Directory" };

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("directory:read");
  const { q, page } = listQuery.parse(await searchParams);
  const entries = await searchDirectory({ customerId: actor.customerId, q, page });
  const canManage = can(actor.role, "directory:manage");
  return (
    <>
      <PageHeader
        title="Company Directory"
        description="Everyone in your company's phone book. Entries with Sync = Yes come from Microsoft Entra ID."
        actions={canManage ? <LinkButton href="/directory/new">Add entry</LinkButton> : undefined}
      />
      <Card>
        <SearchForm action="/directory" q={q} placeholder="Search by name, e-mail, phone or extension" />
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b text-slate-500">
              <tr>
                <th className="py-2 pr-4">Name</th>
                <th className="py-2 pr-4">E-mail</th>
                <th className="py-2 pr-4">Office phone</th>
                <th className="py-2 pr-4">Mobile phone</th>
                <th className="py-2 pr-4">Extension</th>
                <th className="py-2 pr-4">Sync</th>
                <th className="py-2 pr-4">Status</th>
                {canManage ? <th className="py-2 pr-4">Linked login</th> : null}
              </tr>
            </thead>
            <tbody>
              {entries.rows.map((entry) => (
                <tr key={entry.id} className="border-b last:border-0">
                  <td className="py-2 pr-4">
                    {canManage ? (
                      <Link className="font-medium text-sky-700 underline" href={`/directory/${entry.id}`}>
                        {entry.displayName}
                      </Link>
                    ) : (
                      <span className="font-medium">{entry.displayName}</span>
                    )}
                  </td>
                  <td className="py-2 pr-4">{entry.email ?? "—"}</td>
                  <td className="py-2 pr-4">{entry.officePhone ?? "—"}</td>
                  <td className="py-2 pr-4">{entry.mobilePhone ?? "—"}</td>
                  <td className="py-2 pr-4 font-mono">{entry.extension ?? "—"}</td>
                  <td className="py-2 pr-4">{isSynced(entry) ? "Yes" : "No"}</td>
                  <td className="py-2 pr-4">
                    <StatusBadge status={entry.status} />
                  </td>
                  {canManage ? <td className="py-2 pr-4 font-mono">{entry.linkedPortalId ?? "—"}</td> : null}
                </tr>
              ))}
              {entries.rows.length === 0 ? (
                <tr>
                  <td colSpan={canManage ? 8 : 7} className="py-6 text-center text-slate-500">
                    {q ? "No entry matches your search." : "The directory is empty."}
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
        <Pagination basePath="/directory" params={{ q }} page={entries.page} pageCount={entries.pageCount} total={entries.total} />
      </Card>
    </>
  );
}
