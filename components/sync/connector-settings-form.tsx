"use client";

import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import type { ScheduleSettings } from "@/lib/sync/schedule";
import { ScheduleFields } from "./schedule-fields";
import { SettingsFormButtons } from "./settings-form-buttons";

/** What every connector's form shows of its stored settings; each adds its own fields. */
export type ConnectorFormValues = ScheduleSettings & {
  enabled: boolean;
  removalThresholdPercent: number;
  /** Changes on every save: the form is rebuilt from what was stored (normalised values, defaults). */
  updatedAt: string;
};

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type FieldError = (field: string) => string | undefined;

type Props = {
  values: ConnectorFormValues | null;
  timeZone: string;
  saveAction: FormAction;
  testAction: FormAction;
  /** The connector's write-only secret field: never filled from the server, emptied once saved. */
  secretField: string;
  /** How to connect (before the schedule). */
  connection: (error: FieldError) => ReactNode;
  /** The connector's check boxes (after the schedule). */
  options: ReactNode;
  /** What the removal threshold holds back, in the connector's words. */
  thresholdHint: string;
  /** What comes last (a group picker, portal users); `readOnly` until Modify. */
  extra: (error: FieldError, readOnly: boolean) => ReactNode;
};

/**
 * A pull connector's settings form: read-only until Modify; Save stores them,
 * Cancel puts back what is stored, Test connection tries the values on the
 * form. The connector supplies its own fields; usage, schedule, removal
 * threshold and buttons are the same for every connector.
 */
export function ConnectorSettingsForm({ values, timeZone, saveAction, testAction, secretField, connection, options, thresholdHint, extra }: Props) {
  const [editing, setEditing] = useState(values === null);
  const [formKey, setFormKey] = useState(0);
  // Destructured: the form's ref is passed on, never read while rendering.
  const { state: saveState, onSubmit: onSave, pending: saving, formRef } = useFormAction(saveAction);
  const { state: testState, onSubmit: onTest, pending: testing } = useFormAction(testAction);
  // A message belongs to the attempt that made it: the last button pressed (Save or Test connection) decides which answer shows.
  const [lastAttempt, setLastAttempt] = useState<"save" | "test" | null>(null);
  const shown = lastAttempt === "test" ? testState : lastAttempt === "save" ? saveState : null;
  const error = (f: string) => (shown ? fieldError(shown, f) : undefined);

  // A successful save ends editing: state adjusted while rendering, once per answer (not in an effect).
  const [answered, setAnswered] = useState(saveState);
  if (saveState !== answered) {
    setAnswered(saveState);
    if (saveState.status === "success") setEditing(false);
  }
  useEffect(() => {
    if (saveState.status !== "success") return;
    // Write-only: once stored, the typed secret leaves the page; the mask says one is kept.
    const secret = formRef.current?.elements.namedItem(secretField);
    if (secret instanceof HTMLInputElement) secret.value = "";
  }, [saveState, formRef, secretField]);

  // One form, two actions: the button that submitted it decides which.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const attempt = submitter?.value === "test" ? "test" : "save";
    setLastAttempt(attempt);
    return attempt === "test" ? onTest(event) : onSave(event);
  };

  const cancel = () => {
    setFormKey((k) => k + 1); // remount: every field back to the stored value
    setLastAttempt(null); // and no message about values no longer on the form
    setEditing(values === null);
  };

  return (
    <form key={`${formKey}:${values?.updatedAt ?? "new"}`} ref={formRef} onSubmit={onSubmit} className="space-y-5">
      <fieldset disabled={!editing} className="grid gap-4 md:grid-cols-2">
        <div className="text-sm md:col-span-2">
          <span className="mb-1 block font-medium text-slate-700">User Look-Up Usage</span>
          <label className="mr-6 inline-flex items-center gap-2">
            <input type="radio" name="usage" value="use" defaultChecked={values?.enabled ?? false} /> Use
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="usage" value="not_use" defaultChecked={!(values?.enabled ?? false)} /> Not use
          </label>
        </div>
        {connection(error)}
        <ScheduleFields values={values} timeZone={timeZone} error={error} />
        <div className="space-y-2 text-sm">{options}</div>
        <TextField
          label="Removal threshold (%)"
          name="removalThresholdPercent"
          type="number"
          min={1}
          max={100}
          defaultValue={values?.removalThresholdPercent ?? 20}
          hint={thresholdHint}
          error={error("removalThresholdPercent")}
        />
        {extra(error, !editing)}
      </fieldset>
      {shown ? <FormMessage state={shown} /> : null}
      <SettingsFormButtons
        editing={editing}
        canCancel={values !== null}
        saving={saving}
        testing={testing}
        onModify={() => setEditing(true)}
        onCancel={cancel}
      />
    </form>
  );
}
