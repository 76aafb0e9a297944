import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { LinkButton } from "@/components/layout/link-button";
import { PageHeader } from "@/components/layout/page-header";
import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { SearchForm } from "@/components/list/search-form";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { listUsers } from "@/lib/users/list-users";
import { readListQuery } from "@/lib/validation/list-query";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("users:manage");
  const { q, page, notice } = readListQuery(await searchParams);
  const users = await listUsers({ customerId: actor.customerId, q, page });
  return (
    <>
      <PageHeader
        title="User"
        description="Portal users of your company and their extensions."
        actions={
          <>
            <Link className="self-center text-sm text-sky-700 underline" href="/users/match">
              Match existing users
            </Link>
            <LinkButton href="/users/new">Add user</LinkButton>
          </>
        }
      />
      <Card>
        <SearchForm action="/users" q={q} notice={notice} placeholder="Search by name, portal ID, e-mail or extension" />
        <ListTable
          columns={["Extension", "Name", "Portal ID", "E-mail", "Site", "Package", "AAD ID"]}
          empty={users.rows.length > 0 ? null : q ? "No user matches your search." : "No users yet."}
        >
          {users.rows.map((u) => (
            <tr key={u.id} className="border-b last:border-0">
              <td className="py-2 pr-4 font-mono">{u.extension ?? "—"}</td>
              <td className="py-2 pr-4">
                <Link className="font-medium text-sky-700 underline" href={`/users/${u.id}`}>
                  {u.name}
                </Link>
              </td>
              <td className="py-2 pr-4 font-mono">{u.portalId}</td>
              <td className="py-2 pr-4">{u.email ?? "—"}</td>
              <td className="py-2 pr-4">{u.site ?? "—"}</td>
              <td className="py-2 pr-4">{u.package ?? "—"}</td>
              <td className="py-2 pr-4">{u.aadObjectId ? (u.linkedUpn ?? u.linkedName ?? "Linked") : "-Direct Input-"}</td>
            </tr>
          ))}
        </ListTable>
        <Pagination basePath="/users" params={{ q }} page={users.page} pageCount={users.pageCount} total={users.total} />
      </Card>
    </>
  );
}
