"use client";

import { useState } from "react";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { createCustomerAction } from "./actions";

export function CreateCustomerForm({ timeZones }: { timeZones: string[] }) {
  const { state, onSubmit, pending, formRef } = useFormAction(createCustomerAction, { resetOnSuccess: true });
  const [slug, setSlug] = useState("");
  const e = (field: string) => fieldError(state, field);
  // The Company ID is a controlled field (it is lower-cased as typed), which
  // form.reset() does not clear by itself: the reset after a success must, or
  // a second submit would send the previous company's ID and be refused.
  return (
    <form ref={formRef} onSubmit={onSubmit} onReset={() => setSlug("")} className="grid gap-4 md:grid-cols-2">
      <TextField label="Company name" name="name" required error={e("name")} />
      <TextField
        label="Company ID"
        name="slug"
        required
        value={slug}
        onChange={(ev) => setSlug(ev.target.value.toLowerCase())}
        hint="Short and unique; every portal ID of the company ends in @company-id."
        error={e("slug")}
      />
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-slate-700">Time zone</span>
        <input name="timeZone" list="time-zones" defaultValue="UTC" required className="w-full rounded-md border border-slate-300 px-3 py-2 shadow-sm" />
        <datalist id="time-zones">
          {timeZones.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        {e("timeZone") ? <span className="mt-1 block text-red-700">{e("timeZone")}</span> : null}
      </label>
      <div className="md:col-span-2 mt-2 border-t pt-4 text-sm font-semibold text-slate-700">First manager</div>
      <TextField
        label="Manager portal ID"
        name="managerLocalPart"
        required
        suffix={`@${slug || "company-id"}`}
        error={e("managerLocalPart") ?? e("localPart")}
      />
      <TextField label="Manager name" name="managerName" required error={e("managerName")} />
      <TextField label="Manager e-mail" name="managerEmail" type="email" error={e("managerEmail")} />
      <TextField
        label="Manager password"
        name="managerPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={e("managerPassword")}
      />
      <div className="md:col-span-2 space-y-3">
        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Creating…">
          Create customer
        </SubmitButton>
      </div>
    </form>
  );
}
