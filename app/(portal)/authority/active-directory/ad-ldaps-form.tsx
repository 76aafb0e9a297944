"use client";

import { useEffect, useState, type FormEvent } from "react";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { LdapUsernameAttribute, SyncPeriod } from "@/db/schema";
import { ScheduleFields } from "../entra/schedule-fields";
import { SettingsFormButtons } from "../entra/settings-form-buttons";
import { saveLdapSettingsAction, testLdapConnectionAction } from "./actions";
import { TextAreaField } from "./text-area-field";

/** What the screen may know of the stored settings: everything but the proxy password, of which only that one is stored. */
export type AdLdapsValues = {
  enabled: boolean;
  url: string;
  startTls: boolean;
  caCertificate: string | null;
  baseDn: string;
  bindName: string;
  hasPassword: boolean;
  userFilter: string;
  usernameAttribute: LdapUsernameAttribute;
  period: SyncPeriod;
  weekday: number | null;
  runHour: number;
  runMinute: number;
  runSecond: number;
  skipDisabled: boolean;
  removalThresholdPercent: number;
  authenticationEnabled: boolean;
  createPortalUsers: boolean;
  extensionRangeStart: number | null;
  extensionRangeEnd: number | null;
  defaultPackage: string | null;
  defaultUserType: string | null;
  /** Changes on every save: the form is rebuilt from what was stored (normalised address, default filter). */
  updatedAt: string;
};

const usernameAttributes = [
  { value: "sAMAccountName", label: "sAMAccountName (bob)" },
  { value: "userPrincipalName", label: "userPrincipalName (bob@contoso.com)" },
];

/**
 * The Active Directory settings, as MS AAD's: read-only until Modify; Save
 * stores them, Cancel puts back what is stored, Test connection tries the
 * values on the form. The proxy password is write-only: never filled from the
 * server, and emptied once saved.
 */
export function AdLdapsForm({ values, timeZone, defaultUserFilter }: { values: AdLdapsValues | null; timeZone: string; defaultUserFilter: string }) {
  const [editing, setEditing] = useState(values === null);
  const [formKey, setFormKey] = useState(0);
  const save = useFormAction(saveLdapSettingsAction);
  const test = useFormAction(testLdapConnectionAction);
  const e = (f: string) => fieldError(save.state, f) ?? fieldError(test.state, f);
  const ro = !editing;

  useEffect(() => {
    if (save.state.status !== "success") return;
    setEditing(false);
    const password = save.formRef.current?.elements.namedItem("bindPassword");
    if (password instanceof HTMLInputElement) password.value = "";
  }, [save.state, save.formRef]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    return submitter?.value === "test" ? test.onSubmit(event) : save.onSubmit(event);
  };

  const cancel = () => {
    setFormKey((k) => k + 1);
    setEditing(values === null);
  };

  return (
    <form key={`${formKey}:${values?.updatedAt ?? "new"}`} ref={save.formRef} onSubmit={onSubmit} className="space-y-5">
      <fieldset disabled={ro} className="grid gap-4 md:grid-cols-2">
        <div className="text-sm md:col-span-2">
          <span className="mb-1 block font-medium text-slate-700">User Look-Up Usage</span>
          <label className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="usage" value="use" defaultChecked={values?.enabled ?? false} /> Use
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="usage" value="not_use" defaultChecked={!(values?.enabled ?? false)} /> Not use
          </label>
        </div>
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
          <label className="flex items-center gap-2">
            <input type="checkbox" name="startTls" defaultChecked={values?.startTls ?? false} aria-describedby={e("startTls") ? "field-startTls-error" : undefined} /> Use StartTLS (for ldap://
            addresses)
          </label>
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
        <SelectField label="User name attribute" name="usernameAttribute" options={usernameAttributes} defaultValue={values?.usernameAttribute ?? "sAMAccountName"} error={e("usernameAttribute")} />
        <TextField label="Proxy user" name="bindName" defaultValue={values?.bindName} placeholder="svc-switchboard@contoso.com" hint="A UPN, DOMAIN\user or a full DN; it only needs to read users." required error={e("bindName")} />
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
        <ScheduleFields values={values} timeZone={timeZone} error={e} />
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="skipDisabled" defaultChecked={values?.skipDisabled ?? false} /> Skip disabled accounts
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="authenticationEnabled" defaultChecked={values?.authenticationEnabled ?? false} /> Configure authentication: people sign in with their
            directory password
          </label>
        </div>
        <TextField
          label="Removal threshold (%)"
          name="removalThresholdPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={values?.removalThresholdPercent ?? 20}
          hint="An import that would remove more than this share of imported entries waits for your confirmation."
          error={e("removalThresholdPercent")}
        />
        <fieldset className="grid gap-4 rounded-md border border-slate-200 p-4 md:col-span-2 md:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-700">Portal users</legend>
          <label className="flex items-center gap-2 text-sm md:col-span-2">
            <input type="checkbox" name="createPortalUsers" defaultChecked={values?.createPortalUsers ?? false} /> Create a portal user for every imported entry
          </label>
          <TextField label="Extension range from" name="extensionRangeStart" inputMode="numeric" defaultValue={values?.extensionRangeStart ?? ""} placeholder="7000" error={e("extensionRangeStart")} />
          <TextField
            label="Extension range to"
            name="extensionRangeEnd"
            inputMode="numeric"
            defaultValue={values?.extensionRangeEnd ?? ""}
            placeholder="7099"
            hint="Each new user gets the next free extension in the range."
            error={e("extensionRangeEnd")}
          />
          <TextField label="Default package" name="defaultPackage" defaultValue={values?.defaultPackage ?? ""} error={e("defaultPackage")} />
          <TextField label="Default user type" name="defaultUserType" defaultValue={values?.defaultUserType ?? ""} error={e("defaultUserType")} />
        </fieldset>
      </fieldset>
      <FormMessage state={test.state} />
      <FormMessage state={save.state} />
      <SettingsFormButtons editing={editing} canCancel={values !== null} saving={save.pending} testing={test.pending} onModify={() => setEditing(true)} onCancel={cancel} />
    </form>
  );
}
