import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/layout/card";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format-date";
import { defaultUserFilter } from "@/lib/ldap/ldap-connection-config";
import { getLdapSettings, type VisibleLdapSettings } from "@/lib/ldap-settings/get-ldap-settings";
import { describeSchedule } from "@/lib/sync/schedule";
import { pendingConfirmationRun, syncOverview } from "@/lib/sync/sync-overview";
import { ConfirmRemovalsButton } from "../entra/confirm-removals-button";
import { SyncStatus } from "../entra/sync-status";
import { confirmLdapRemovalsAction } from "./actions";
import { AdLdapsForm, type AdLdapsValues } from "./ad-ldaps-form";
import { LdapRunButtons } from "./run-buttons";
import { TestAuthenticationForm } from "./test-authentication-form";
import { ldapTriggerLabel } from "./trigger-labels";

export const metadata: Metadata = { title: "Active Directory" };

export default async function AdLdapsPage() {
  const actor = await requireCustomerPage("settings:manage");
  const [customer, settings] = await Promise.all([getCustomer({ customerId: actor.customerId }), getLdapSettings({ customerId: actor.customerId })]);
  const [overview, pending] = await Promise.all([
    syncOverview({ customerId: actor.customerId, connector: "ldap", schedule: settings, timeZone: customer.timeZone }),
    pendingConfirmationRun(actor.customerId, "ldap"),
  ]);

  return (
    <>
      <Card title="Directory import">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-500">User Look-Up Usage</dt>
          <dd>{settings?.enabled ? `Use — ${describeSchedule(settings)} (${customer.timeZone})` : "Not use"}</dd>
          <dt className="text-slate-500">Next scheduled run</dt>
          <dd>
            {overview.nextRun?.at ? formatDateTime(overview.nextRun.at, customer.timeZone) : "None scheduled"}
            {overview.nextRun?.estimated ? " (expected; the job queue could not be asked)" : ""}
          </dd>
        </dl>
        <SyncStatus
          activeRun={overview.activeRun}
          lastRun={overview.lastRun}
          timeZone={customer.timeZone}
          runsPath="/authority/active-directory/runs"
          labels={ldapTriggerLabel}
          firstRunHint="No import has run yet. Try Simulate first: it shows what an import would change, and writes nothing."
        />
        {pending ? (
          <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="mb-3">
              The import of {formatDateTime(pending.finishedAt, customer.timeZone)} would remove {pending.pendingRemovals} directory entries — more than your
              threshold — so it removed none. <Link className="underline" href={`/authority/active-directory/runs/${pending.id}`}>See which entries</Link>, then confirm if that is right.
            </p>
            <ConfirmRemovalsButton runId={pending.id} count={pending.pendingRemovals} action={confirmLdapRemovalsAction} />
          </div>
        ) : null}
        <div className="mt-5 flex flex-wrap items-start justify-between gap-3">
          <LdapRunButtons disabled={!settings} />
          <Link className="text-sm text-sky-700 underline" href="/authority/active-directory/history">
            Import history
          </Link>
        </div>
      </Card>
      <Card title="Active Directory settings">
        <AdLdapsForm timeZone={customer.timeZone} values={settings ? formValues(settings) : null} defaultUserFilter={defaultUserFilter} />
      </Card>
      <Card title="Test authentication">
        <p className="mb-3 text-sm text-slate-700">Check a person&apos;s directory password with the saved settings, as directory sign-in will.</p>
        <TestAuthenticationForm disabled={!settings} />
      </Card>
      <Card title="Sign in with the directory password">
        <p className="text-sm text-slate-700" data-testid="directory-sign-in-state">
          {settings?.authenticationEnabled
            ? `Offered: on the sign-in page, under “Sign in with your directory account”, people enter the company ID “${customer.slug}”, their directory user name and password. Their login must be linked to an imported entry that is active.`
            : "Not offered: turn on “Configure authentication” for people to sign in with their directory password."}
        </p>
      </Card>
    </>
  );
}

/** Only what the form shows travels to the browser: never the sealed password, nor who saved. */
function formValues(s: VisibleLdapSettings): AdLdapsValues {
  return {
    enabled: s.enabled,
    url: s.url,
    startTls: s.startTls,
    caCertificate: s.caCertificate,
    baseDn: s.baseDn,
    bindName: s.bindName,
    hasPassword: s.hasPassword,
    userFilter: s.userFilter,
    usernameAttribute: s.usernameAttribute,
    period: s.period,
    weekday: s.weekday,
    runHour: s.runHour,
    runMinute: s.runMinute,
    runSecond: s.runSecond,
    skipDisabled: s.skipDisabled,
    removalThresholdPercent: s.removalThresholdPercent,
    authenticationEnabled: s.authenticationEnabled,
    createPortalUsers: s.createPortalUsers,
    extensionRangeStart: s.extensionRangeStart,
    extensionRangeEnd: s.extensionRangeEnd,
    defaultPackage: s.defaultPackage,
    defaultUserType: s.defaultUserType,
    updatedAt: s.updatedAt.toISOString(),
  };
}
