"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { updateCompanyAction } from "./actions";

type Props = { slug: string; name: string; timeZone: string; timeZones: string[] };

export function CompanyForm({ slug, name, timeZone, timeZones }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(updateCompanyAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
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
