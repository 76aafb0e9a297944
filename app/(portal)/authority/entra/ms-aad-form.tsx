"use client";

import { useEffect, useState, type FormEvent } from "react";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { saveEntraSettingsAction, testConnectionAction } from "./actions";
import { GroupPicker } from "./group-picker";
import { ScheduleFields } from "./schedule-fields";
import { SettingsFormButtons } from "./settings-form-buttons";

export type MsAadValues = {
  enabled: boolean;
  tenantId: string;
  clientId: string;
  hasSecret: boolean;
  secretExpiresOn: string | null;
  period: "hourly" | "daily" | "weekly";
  weekday: number | null;
  runHour: number;
  runMinute: number;
  runSecond: number;
  skipGuests: boolean;
  skipDisabled: boolean;
  requireMicrosoftSignIn: boolean;
  groupFilter: { id: string; displayName: string }[];
  removalThresholdPercent: number;
};

/**
 * The MS AAD settings: shown read-only until Modify; Save stores them, Cancel
 * puts back what is stored, Test connection tries the values on the form.
 * The secret field is write-only: it is never filled from the server.
 */
export function MsAadForm({ values, timeZone }: { values: MsAadValues | null; timeZone: string }) {
  const [editing, setEditing] = useState(values === null);
  const [formKey, setFormKey] = useState(0);
  const save = useFormAction(saveEntraSettingsAction);
  const test = useFormAction(testConnectionAction);
  const e = (f: string) => fieldError(save.state, f) ?? fieldError(test.state, f);
  const ro = !editing;

  useEffect(() => {
    if (save.state.status !== "success") return;
    setEditing(false);
    // Write-only: once stored, the typed secret leaves the page; the mask says one is kept.
    const secret = save.formRef.current?.elements.namedItem("clientSecret");
    if (secret instanceof HTMLInputElement) secret.value = "";
  }, [save.state, save.formRef]);

  // One form, two actions: the button that submitted it decides which.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    return submitter?.value === "test" ? test.onSubmit(event) : save.onSubmit(event);
  };

  const cancel = () => {
    setFormKey((k) => k + 1); // remount: every field back to the stored value
    setEditing(values === null);
  };

  return (
    <form key={formKey} ref={save.formRef} onSubmit={onSubmit} className="space-y-5">
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
        <TextField label="Secret expiry date (optional)" name="secretExpiresOn" type="date" defaultValue={values?.secretExpiresOn ?? ""} hint="We warn you 30 days before." error={e("secretExpiresOn")} />
        <ScheduleFields values={values} timeZone={timeZone} error={e} />
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="skipGuests" defaultChecked={values?.skipGuests ?? true} /> Skip guest accounts
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="skipDisabled" defaultChecked={values?.skipDisabled ?? false} /> Skip disabled accounts
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" name="requireMicrosoftSignIn" defaultChecked={values?.requireMicrosoftSignIn ?? false} /> Require Microsoft sign-in for
            linked logins (their password no longer opens the portal)
          </label>
        </div>
        <TextField
          label="Removal threshold (%)"
          name="removalThresholdPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={values?.removalThresholdPercent ?? 20}
          hint="A full sync that would remove more than this share of synced entries waits for your confirmation."
          error={e("removalThresholdPercent")}
        />
        <div className="md:col-span-2">
          <GroupPicker initial={values?.groupFilter ?? []} disabled={ro || !values} />
        </div>
      </fieldset>
      <FormMessage state={test.state} />
      <FormMessage state={save.state} />
      <SettingsFormButtons editing={editing} canCancel={values !== null} saving={save.pending} testing={test.pending} onModify={() => setEditing(true)} onCancel={cancel} />
    </form>
  );
}
