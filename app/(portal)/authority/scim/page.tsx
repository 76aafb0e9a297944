import type { Metadata } from "next";
import Link from "next/link";
import { CopyableValue } from "@/components/forms/copyable-value";
import { DeleteForm } from "@/components/forms/delete-form";
import { Card } from "@/components/layout/card";
import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format-date";
import { provisioningScreens } from "@/components/provisioning/provisioning-screens";
import { listScimRequests } from "@/lib/scim/request-log";
import { scimBasePath } from "@/lib/scim/scim-context";
import { listScimTokens } from "@/lib/scim/tokens";
import { readListQuery } from "@/lib/validation/list-query";
import { revokeScimTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const metadata: Metadata = { title: "SCIM provisioning" };

export default async function ScimPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const actor = await requireCustomerPage("settings:manage");
  const { page } = readListQuery(await searchParams);
  const [customer, tokens, requests] = await Promise.all([
    getCustomer({ customerId: actor.customerId }),
    listScimTokens({ customerId: actor.customerId }),
    listScimRequests({ customerId: actor.customerId, page }),
  ]);
  const tenantUrl = `${(env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}${scimBasePath}`;
  const when = (date: Date | null) => (date ? formatDateTime(date, customer.timeZone) : "—");
  return (
    <>
      <Card title="SCIM provisioning">
        <p className="mb-3 text-sm text-slate-700">
          Let Microsoft Entra push your users here instead of the portal reading them: in the Entra admin center, open your enterprise application →
          Provisioning → Provisioning Mode <em>Automatic</em>, and enter this Tenant URL and a Secret Token created below. Pushed users appear in the Company
          Directory with Sync = Yes; users disabled in Entra are disabled here, and come back when re-enabled.
        </p>
        <CopyableValue value={tenantUrl} label="the tenant URL" testId="scim-tenant-url" />
        <p className="mt-3 text-sm">
          <Link className="text-sky-700 underline" href={provisioningScreens.scim.path}>
            Provisioning
          </Link>
          : make the people Entra pushes portal users with extensions.
        </p>
      </Card>
      <Card title="Tokens">
        <ul className="mb-5 divide-y text-sm">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <div>
                <p className="font-medium">
                  {t.label} <span className="font-mono text-slate-500">…{t.hint}</span>
                </p>
                <p className="text-slate-600">
                  Created {when(t.createdAt)} · last used {when(t.lastUsedAt)}
                  {t.revokedAt ? ` · revoked ${when(t.revokedAt)}` : ""}
                </p>
              </div>
              {t.revokedAt ? (
                <span className="text-xs text-slate-500">Revoked</span>
              ) : (
                <DeleteForm
                  action={revokeScimTokenAction}
                  id={t.id}
                  label="Revoke"
                  pendingText="Revoking…"
                  confirmText={`Revoke ${t.label}? Entra can no longer provision with it.`}
                />
              )}
            </li>
          ))}
          {tokens.length === 0 ? <li className="py-3 text-slate-500">No token yet.</li> : null}
        </ul>
        <CreateTokenForm />
      </Card>
      <Card title="Requests">
        <ListTable columns={["Time", "Operation", "Resource", "Outcome"]} empty={requests.rows.length === 0 ? "No request yet." : null}>
          {requests.rows.map((r) => (
            <tr key={r.id} className="border-b last:border-0">
              <td className="py-2 pr-4 whitespace-nowrap">{when(r.createdAt)}</td>
              <td className="py-2 pr-4">{r.operation}</td>
              <td className="py-2 pr-4 font-mono break-all">
                {r.method} {r.path}
              </td>
              <td className={`py-2 pr-4 ${r.status >= 400 ? "text-red-800" : "text-emerald-800"}`}>
                {r.status}
                {r.detail ? ` — ${r.detail}` : ""}
              </td>
            </tr>
          ))}
        </ListTable>
        <Pagination basePath="/authority/scim" params={{}} page={requests.page} pageCount={requests.pageCount} total={requests.total} />
      </Card>
    </>
  );
}
