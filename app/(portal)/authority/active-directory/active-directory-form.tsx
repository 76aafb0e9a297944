"use client";

import { CheckboxField } from "@/components/forms/checkbox-field";
import { SelectField } from "@/components/forms/select-field";
import { TextAreaField } from "@/components/forms/text-area-field";
import { TextField } from "@/components/forms/text-field";
import { ConnectorSettingsForm } from "@/components/sync/connector-settings-form";
import { saveLdapSettingsAction, testLdapConnectionAction } from "./actions";
import type { ActiveDirectoryFormValues } from "./to-form-values";

const usernameAttributes = [
  { value: "sAMAccountName", label: "sAMAccountName (bob)" },
  { value: "userPrincipalName", label: "userPrincipalName (bob@contoso.com)" },
];

type Props = { values: ActiveDirectoryFormValues | null; timeZone: string; defaultUserFilter: string };

/**
 * The Active Directory settings: the domain controller, the proxy user and
 * who is imported, in the form every connector shares. The portal users an
 * import creates are set on the Provisioning screen. The proxy password is write-only.
 */
export function ActiveDirectoryForm({ values, timeZone, defaultUserFilter }: Props) {
  return (
    <ConnectorSettingsForm
      values={values}
      timeZone={timeZone}
      saveAction={saveLdapSettingsAction}
      testAction={testLdapConnectionAction}
      secretField="bindPassword"
      connection={(e) => (
        <>
          <TextField
            label="Server address"
            name="url"
            defaultValue={values?.url}
            placeholder="ldaps://dc1.contoso.com:636"
            hint="ldaps://host:636, or ldap://host:389 with StartTLS."
            required
            error={e("url")}
          />
          <div className="text-sm md:pt-7">
            <CheckboxField name="startTls" defaultChecked={values?.startTls ?? false} aria-describedby={e("startTls") ? "field-startTls-error" : undefined}>
              Use StartTLS (for ldap:// addresses)
            </CheckboxField>
            {e("startTls") ? (
              <p id="field-startTls-error" className="mt-1 text-red-700">
                {e("startTls")}
              </p>
            ) : null}
          </div>
          <TextAreaField
            className="md:col-span-2"
            label="CA certificate (PEM)"
            name="caCertificate"
            rows={4}
            defaultValue={values?.caCertificate ?? ""}
            placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
            hint="The certificate of the CA that issued the domain controller's certificate. Leave blank if a public CA issued it."
            spellCheck={false}
            error={e("caCertificate")}
          />
          <TextField label="Base DN" name="baseDn" defaultValue={values?.baseDn} placeholder="OU=Staff,DC=contoso,DC=com" required error={e("baseDn")} />
          <SelectField
            label="User name attribute"
            name="usernameAttribute"
            options={usernameAttributes}
            defaultValue={values?.usernameAttribute ?? "sAMAccountName"}
            error={e("usernameAttribute")}
          />
          <TextField
            label="Proxy user"
            name="bindName"
            defaultValue={values?.bindName}
            placeholder="svc-switchboard@contoso.com"
            hint="A UPN, DOMAIN\user or a full DN; it only needs to read users."
            required
            error={e("bindName")}
          />
          <TextField
            label="Proxy password"
            name="bindPassword"
            type="password"
            autoComplete="new-password"
            placeholder={values?.hasPassword ? "•••••••• stored — leave blank to keep" : "The proxy user's password"}
            hint={values?.hasPassword ? "Stored encrypted, never shown. A new server address needs it typed again." : undefined}
            error={e("bindPassword")}
          />
          <TextAreaField
            className="md:col-span-2"
            label="User filter"
            name="userFilter"
            rows={2}
            defaultValue={values?.userFilter ?? defaultUserFilter}
            hint="Which entries under the base DN are people to import. Blank means the default shown."
            spellCheck={false}
            error={e("userFilter")}
          />
        </>
      )}
      options={
        <>
          <CheckboxField name="skipDisabled" defaultChecked={values?.skipDisabled ?? false}>
            Skip disabled accounts
          </CheckboxField>
          <CheckboxField name="authenticationEnabled" defaultChecked={values?.authenticationEnabled ?? false}>
            Configure authentication: people sign in with their directory password
          </CheckboxField>
        </>
      }
      thresholdHint="An import that would remove more than this share of imported entries waits for your confirmation."
      // Portal users for imported people: the Provisioning screen (beside the import history).
      extra={() => null}
    />
  );
}
