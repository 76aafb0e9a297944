"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  /** The customer's ID, sent where the operator edits any customer; a manager's own company needs none. */
  customerId?: string;
  slug: string;
  name: string;
  timeZone: string;
  timeZones: string[];
};

/** A company's name and time zone: the manager's Company screen and the operator's customer page. */
export function CompanyForm({ action, customerId, slug, name, timeZone, timeZones }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      {customerId ? <input type="hidden" name="id" value={customerId} /> : null}
      <TextField label="Company ID" name="slug-display" value={slug} disabled hint="Part of every portal ID; it cannot change." />
      <TextField label="Company name" name="name" defaultValue={name} required error={fieldError(state, "name")} />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Time zone</span>
        <select name="timeZone" defaultValue={timeZone} className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 shadow-sm">
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz}
            </option>
          ))}
        </select>
        <span className="mt-1 block text-slate-500">Scheduled directory syncs run in this time zone.</span>
      </label>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
