import type { Metadata } from "next";
import { Card } from "@/components/layout/card";
import { ConnectorPage } from "@/components/sync/connector-page";
import { connectorLabels } from "@/components/sync/connector-labels";
import { requireCustomerPage } from "@/lib/auth/require-page";
import { getCustomer } from "@/lib/customers/get-customer";
import { defaultUserFilter } from "@/lib/ldap/ldap-connection-config";
import { getLdapSettings } from "@/lib/connectors/active-directory/settings/get-ldap-settings";
import { confirmLdapRemovalsAction, oneTimeImportAction, simulateImportAction } from "./actions";
import { ActiveDirectoryForm } from "./active-directory-form";
import { TestAuthenticationForm } from "./test-authentication-form";
import { toFormValues } from "./to-form-values";

export const metadata: Metadata = { title: connectorLabels["active-directory"].label };

export default async function ActiveDirectoryPage() {
  const actor = await requireCustomerPage("settings:manage");
  const [customer, settings] = await Promise.all([getCustomer({ customerId: actor.customerId }), getLdapSettings({ customerId: actor.customerId })]);

  return (
    <ConnectorPage
      connector="active-directory"
      customer={customer}
      schedule={settings}
      // Every AD run reads the whole directory: no delta round to skip, so no full resync.
      runButtons={[
        { trigger: "one_time", action: oneTimeImportAction, variant: "primary" },
        { trigger: "simulate", action: simulateImportAction, variant: "secondary" },
      ]}
      confirmAction={confirmLdapRemovalsAction}
      historyLink
      form={<ActiveDirectoryForm timeZone={customer.timeZone} values={settings ? toFormValues(settings) : null} defaultUserFilter={defaultUserFilter} />}
    >
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
    </ConnectorPage>
  );
}
