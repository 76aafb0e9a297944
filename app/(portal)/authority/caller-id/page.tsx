import type { Metadata } from "next";
import { CopyableValue } from "@/components/forms/copyable-value";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { listCredentials } from "@/lib/directory-credentials/credentials";
import { getCustomer } from "@/lib/customers/get-customer";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format-date";
import { CreateKeyForm } from "./create-key-form";
import { RevokeKeyForm } from "./revoke-key-form";

export const metadata: Metadata = { title: "Caller ID" };

export default async function CallerIdPage() {
  const actor = await requireCustomerPage("settings:manage");
  const [customer, credentials] = await Promise.all([getCustomer({ customerId: actor.customerId }), listCredentials({ customerId: actor.customerId })]);
  const key = credentials.find((c) => c.kind === "caller_id") ?? null;
  const url = `${(env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "")}/api/v1/caller-id?number=`;
  const when = (date: Date | null) => (date ? formatDateTime(date, customer.timeZone) : "—");
  return (
    <Card title="Caller ID">
      <p className="mb-3 text-sm text-slate-700">
        Let your phone system name incoming callers from the company directory: it asks this address with the caller&apos;s number and the key below (as{" "}
        <code>Authorization: Bearer …</code> or <code>X-Api-Key</code>), and gets the person&apos;s name, extension and department. Numbers are compared in
        E.164 with your company&apos;s default country
        {customer.defaultCountry ? ` (${customer.defaultCountry})` : " (none chosen: set it on the Company screen)"}, so any way of writing a number finds the
        same person. Only active entries answer.
      </p>
      <CopyableValue value={url} label="the lookup address" testId="caller-id-url" />
      <div className="mt-5 flex flex-wrap items-start justify-between gap-3 border-t pt-4 text-sm">
        {key ? (
          <div data-testid="caller-id-key">
            <p className="font-medium">
              Key <span className="font-mono text-slate-500">…{key.hint}</span>
            </p>
            <p className="text-slate-600">
              Created {when(key.createdAt)} · last used {when(key.lastUsedAt)}
            </p>
          </div>
        ) : (
          <p className="text-slate-500">No key yet: lookups are refused.</p>
        )}
        {key ? <RevokeKeyForm /> : null}
      </div>
      <div className="mt-4">
        <CreateKeyForm hasKey={key !== null} />
      </div>
    </Card>
  );
}
