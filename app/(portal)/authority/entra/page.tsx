import type { Metadata } from "next";
import { CopyableValue } from "@/components/forms/copyable-value";
import { Card } from "@/components/layout/card";
import { ConnectorPage } from "@/components/sync/connector-page";
import { connectorLabels } from "@/components/sync/connector-labels";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { getEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import { isTenantProven } from "@/lib/connectors/entra/settings/proven-tenant";
import { microsoftRedirectUri } from "@/lib/connectors/entra/settings/redirect-uri";
import { formatDateTime } from "@/lib/format-date";
import { realTimeStatus } from "@/lib/realtime/real-time-status";
import { confirmRemovalsAction, fullResyncAction, oneTimeSyncAction, realTimeAction, simulateAction } from "./actions";
import { RealTimeSwitch } from "./real-time-switch";
import { EntraForm } from "./entra-form";
import { toFormValues } from "./to-form-values";

export const metadata: Metadata = { title: connectorLabels.entra.label };

export default async function EntraPage() {
  const actor = await requireCustomerPage("settings:manage");
  const [customer, settings] = await Promise.all([getCustomer({ customerId: actor.customerId }), getEntraSettings({ customerId: actor.customerId })]);
  const proven = settings !== null && isTenantProven(settings);
  const realTime = await realTimeStatus({ customerId: actor.customerId, entraInUse: Boolean(settings?.enabled) });
  const when = (date: Date) => formatDateTime(date, customer.timeZone);

  return (
    <ConnectorPage
      connector="entra"
      customer={customer}
      schedule={settings}
      facts={
        <>
          <dt className="text-slate-500">Tenant</dt>
          <dd data-testid="tenant-proof">
            {!settings
              ? "Not set"
              : proven
                ? `Verified ${formatDateTime(settings.tenantVerifiedAt!, customer.timeZone)}: Microsoft issued a token for it with these settings`
                : "Not verified: Microsoft has issued no token for it with these settings. Until a save with working settings (or a successful sync), no Entra account is tied to it — SCIM users stay contacts, nothing can be linked, no Microsoft sign-in."}
          </dd>
        </>
      }
      runButtons={[
        { trigger: "one_time", action: oneTimeSyncAction, variant: "primary" },
        { trigger: "simulate", action: simulateAction, variant: "secondary" },
        // Full resync ignores the saved delta position.
        {
          trigger: "full_resync",
          action: fullResyncAction,
          variant: "secondary",
          confirmText: "Read every user from Microsoft Entra again, instead of only the changes?",
        },
      ]}
      confirmAction={confirmRemovalsAction}
      form={<EntraForm timeZone={customer.timeZone} values={settings ? toFormValues(settings) : null} />}
    >
      <Card title="Real time">
        <p className="text-sm text-slate-700" data-testid="real-time-state">
          {realTime.blocked
            ? realTime.blocked
            : !realTime.enabled
              ? "Off: changes in Microsoft Entra reach the directory at the next scheduled sync."
              : realTime.subscribedUntil
                ? `On: Microsoft tells the portal of every change, and the directory follows within seconds. Subscribed until ${when(realTime.subscribedUntil)} (renewed automatically).`
                : "On, but not subscribed yet: the worker asks Microsoft for change notifications within minutes."}
        </p>
        {realTime.lastNotificationAt && <p className="mt-1 text-sm text-slate-700">Last notification: {when(realTime.lastNotificationAt)}.</p>}
        {realTime.lastError && realTime.enabled && !realTime.blocked && (
          <p className="mt-1 text-sm text-red-700" data-testid="real-time-error">
            {when(realTime.lastError.at)}: {realTime.lastError.message}
          </p>
        )}
        <p className="mt-1 text-sm text-slate-500">The schedule above stays as the safety net either way.</p>
        {settings?.enabled && <RealTimeSwitch enabled={realTime.enabled} action={realTimeAction} />}
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
        <div className="mt-2">
          <CopyableValue value={microsoftRedirectUri()} label="the redirect URI" />
        </div>
      </Card>
    </ConnectorPage>
  );
}
