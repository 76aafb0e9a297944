import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { LinkButton } from "@/components/layout/link-button";
import { PageHeader } from "@/components/layout/page-header";
import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { SearchForm } from "@/components/list/search-form";
import { can } from "@/lib/auth/permissions";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { PhoneNumber } from "@/components/directory/phone-number";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import { isSynced } from "@/lib/directory/local-fields";
import { searchDirectory } from "@/lib/directory/search-directory";
import { readListQuery } from "@/lib/validation/list-query";
import { StatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Company Directory" };

export default async function DirectoryPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("directory:read");
  const { q, page, notice } = readListQuery(await searchParams);
  const [entries, country] = await Promise.all([
    searchDirectory({ customerId: actor.customerId, q, page }),
    getDefaultCountry({ customerId: actor.customerId }),
  ]);
  const canManage = can(actor.role, "directory:manage");
  return (
    <>
      <PageHeader
        title="Company Directory"
        description="Everyone in your company's phone book. Entries with Sync = Yes come from Microsoft Entra ID or Active Directory."
        actions={canManage ? <LinkButton href="/directory/new">Add entry</LinkButton> : undefined}
      />
      <Card>
        <SearchForm action="/directory" q={q} notice={notice} placeholder="Search by name, e-mail, phone, extension, department or job title" />
        <ListTable
          columns={[
            "Name",
            "E-mail",
            "Office phone",
            "Mobile phone",
            "Extension",
            "Department",
            "Job title",
            "Sync",
            "Status",
            ...(canManage ? ["Linked login"] : []),
          ]}
          empty={entries.rows.length > 0 ? null : q ? "No entry matches your search." : "The directory is empty."}
        >
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
              <td className="py-2 pr-4">
                <PhoneNumber raw={entry.officePhone} e164={entry.officePhoneE164} country={country} />
              </td>
              <td className="py-2 pr-4">
                <PhoneNumber raw={entry.mobilePhone} e164={entry.mobilePhoneE164} country={country} />
              </td>
              <td className="py-2 pr-4 font-mono">
                {entry.extension ??
                  (entry.loginExtension ? <span title={`The extension of the login ${entry.linkedPortalId}`}>{entry.loginExtension}</span> : "—")}
              </td>
              <td className="py-2 pr-4">{entry.department ?? "—"}</td>
              <td className="py-2 pr-4">{entry.jobTitle ?? "—"}</td>
              <td className="py-2 pr-4">{isSynced(entry) ? "Yes" : "No"}</td>
              <td className="py-2 pr-4">
                <StatusBadge status={entry.status} />
              </td>
              {canManage ? <td className="py-2 pr-4 font-mono">{entry.linkedPortalId ?? "—"}</td> : null}
            </tr>
          ))}
        </ListTable>
        <Pagination basePath="/directory" params={{ q }} page={entries.page} pageCount={entries.pageCount} total={entries.total} />
      </Card>
    </>
  );
}
