"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SelectField } from "@/components/forms/select-field";
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
  /** ISO 3166 alpha-2, or null for none. */
  defaultCountry: string | null;
  countries: { value: string; label: string }[];
};

/** A company's name, time zone and phone country: the manager's Company screen and the operator's customer page. */
export function CompanyForm({ action, customerId, slug, name, timeZone, timeZones, defaultCountry, countries }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      {customerId ? <input type="hidden" name="id" value={customerId} /> : null}
      <TextField label="Company ID" name="slug-display" value={slug} disabled hint="Part of every portal ID; it cannot change." />
      <TextField label="Company name" name="name" defaultValue={name} required error={fieldError(state, "name")} />
      <SelectField
        label="Time zone"
        name="timeZone"
        defaultValue={timeZone}
        options={timeZones.map((tz) => ({ value: tz, label: tz }))}
        hint="Scheduled directory syncs run in this time zone."
        error={fieldError(state, "timeZone")}
      />
      <SelectField
        label="Default country for phone numbers"
        name="defaultCountry"
        defaultValue={defaultCountry ?? ""}
        options={[{ value: "", label: "None (only numbers with a country code are read)" }, ...countries]}
        hint="Numbers written without a country code (from Entra, Active Directory, SCIM or typed in) are read as this country's."
        error={fieldError(state, "defaultCountry")}
      />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
