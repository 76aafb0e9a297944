"use client";

import { CheckboxField } from "@/components/forms/checkbox-field";
import { EntraGroupPicker } from "@/components/forms/entra-group-picker";
import { TextField } from "@/components/forms/text-field";
import { ConnectorSettingsForm } from "@/components/sync/connector-settings-form";
import { saveEntraSettingsAction, testConnectionAction } from "./actions";
import type { EntraFormValues } from "./to-form-values";

/**
 * The MS AAD settings: the app registration (tenant, client, secret) and who
 * is synced, in the form every connector shares. The secret is write-only.
 */
export function EntraForm({ values, timeZone }: { values: EntraFormValues | null; timeZone: string }) {
  return (
    <ConnectorSettingsForm
      values={values}
      timeZone={timeZone}
      saveAction={saveEntraSettingsAction}
      testAction={testConnectionAction}
      secretField="clientSecret"
      connection={(e) => (
        <>
          <TextField label="Tenant ID" name="tenantId" defaultValue={values?.tenantId} placeholder="Directory (tenant) ID" required error={e("tenantId")} />
          <TextField label="Client ID" name="clientId" defaultValue={values?.clientId} placeholder="Application (client) ID" required error={e("clientId")} />
          <TextField
            label="Secret Code"
            name="clientSecret"
            type="password"
            autoComplete="off"
            placeholder={values?.hasSecret ? "•••••••• stored — leave blank to keep" : "Client secret value"}
            error={e("clientSecret")}
          />
          <TextField
            label="Secret expiry date (optional)"
            name="secretExpiresOn"
            type="date"
            defaultValue={values?.secretExpiresOn ?? ""}
            hint="We warn you 30 days before."
            error={e("secretExpiresOn")}
          />
        </>
      )}
      options={
        <>
          <CheckboxField name="skipGuests" defaultChecked={values?.skipGuests ?? true}>
            Skip guest accounts
          </CheckboxField>
          <CheckboxField name="skipDisabled" defaultChecked={values?.skipDisabled ?? false}>
            Skip disabled accounts
          </CheckboxField>
          <CheckboxField name="requireMicrosoftSignIn" defaultChecked={values?.requireMicrosoftSignIn ?? false}>
            Require Microsoft sign-in for linked logins (their password no longer opens the portal)
          </CheckboxField>
        </>
      }
      thresholdHint="A full sync that would remove more than this share of synced entries waits for your confirmation."
      extra={(_e, readOnly) => (
        <div className="md:col-span-2">
          <EntraGroupPicker
            name="groupFilter"
            label="Only members of these groups"
            noneChosen="Everyone in the tenant (no group chosen)."
            initial={values?.groupFilter ?? []}
            disabled={readOnly || !values}
          />
        </div>
      )}
    />
  );
}
