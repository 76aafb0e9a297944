import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { getEntraSettings } from "@/lib/entra-settings/get-entra-settings";
import { isTenantProven } from "@/lib/entra-settings/proven-tenant";
import { microsoftRedirectUri } from "@/lib/entra-settings/redirect-uri";
import { formatDateTime } from "@/lib/format-date";
import { describeSchedule } from "@/lib/sync/schedule";
import { pendingConfirmationRun, syncOverview } from "@/lib/sync/sync-overview";
import { ConfirmRemovalsButton } from "./confirm-removals-button";
import { MsAadForm } from "./ms-aad-form";
import { RunButtons } from "./run-buttons";
import { SyncStatus } from "./sync-status";

export const metadata: Metadata = { title: "MS AAD" };

export default async function MsAadPage() {
  const actor = await requireCustomerPage("settings:manage");
  const [customer, settings] = await Promise.all([getCustomer({ customerId: actor.customerId }), getEntraSettings({ customerId: actor.customerId })]);
  const [overview, pending] = await Promise.all([
    syncOverview({ customerId: actor.customerId, connector: "entra", schedule: settings, timeZone: customer.timeZone }),
    pendingConfirmationRun(actor.customerId, "entra"),
  ]);
  const proven = settings !== null && isTenantProven(settings);

  return (
    <>
      <Card title="Directory sync">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-500">User Look-Up Usage</dt>
          <dd>{settings?.enabled ? `Use — ${describeSchedule(settings)} (${customer.timeZone})` : "Not use"}</dd>
          <dt className="text-slate-500">Tenant</dt>
          <dd data-testid="tenant-proof">
            {!settings
              ? "Not set"
              : proven
                ? `Verified ${formatDateTime(settings.tenantVerifiedAt!, customer.timeZone)}: Microsoft issued a token for it with these settings`
                : "Not verified: Microsoft has issued no token for it with these settings. Until a save with working settings (or a successful sync), no Entra account is tied to it — SCIM users stay contacts, nothing can be linked, no Microsoft sign-in."}
          </dd>
          <dt className="text-slate-500">Next scheduled run</dt>
          <dd>
            {overview.nextRun?.at ? formatDateTime(overview.nextRun.at, customer.timeZone) : "None scheduled"}
            {overview.nextRun?.estimated ? " (expected; the job queue could not be asked)" : ""}
          </dd>
        </dl>
        <SyncStatus activeRun={overview.activeRun} lastRun={overview.lastRun} timeZone={customer.timeZone} />
        {pending ? (
          <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="mb-3">
              The sync of {formatDateTime(pending.finishedAt, customer.timeZone)} would remove {pending.pendingRemovals} directory entries — more than your
              threshold — so it removed none. <Link className="underline" href={`/authority/entra/runs/${pending.id}`}>See which entries</Link>, then confirm if that is right.
            </p>
            <ConfirmRemovalsButton runId={pending.id} count={pending.pendingRemovals} />
          </div>
        ) : null}
        <div className="mt-5">
          <RunButtons disabled={!settings} />
        </div>
      </Card>
      <Card title="MS AAD settings">
        <MsAadForm timeZone={customer.timeZone} values={settings} />
      </Card>
      <Card title="Sign in with Microsoft">
        <p className="mb-3 text-sm text-slate-700" data-testid="microsoft-sign-in-state">
          {settings?.enabled && !proven
            ? "Not offered: the tenant is not verified (see Directory sync above)."
            : settings?.enabled
            ? `Offered: on the sign-in page, people enter the company “${customer.slug}” and sign in with their Microsoft account, if it is linked to their login.`
            : "Not offered: Sign in with Microsoft is available while User Look-Up Usage is “Use”."}
        </p>
        <p className="text-sm text-slate-700">Register this redirect URI (platform “Web”) on the app registration, under Authentication:</p>
        <p className="mt-2 break-all rounded-md bg-slate-100 px-3 py-2 font-mono text-sm">{microsoftRedirectUri()}</p>
      </Card>
    </>
  );
}
