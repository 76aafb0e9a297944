"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { createManagerAction } from "./actions";

export function CreateManagerForm({ companySlug }: { companySlug: string }) {
  const { state, onSubmit, pending, formRef } = useFormAction(createManagerAction, { resetOnSuccess: true });
  const e = (field: string) => fieldError(state, field);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2">
      <TextField label="Portal ID" name="localPart" required suffix={`@${companySlug}`} error={e("localPart")} />
      <TextField label="Name" name="name" required error={e("name")} />
      <TextField label="E-mail" name="email" type="email" error={e("email")} />
      <TextField label="Password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." error={e("password")} />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Adding…">
          Add manager
        </SubmitButton>
      </div>
    </form>
  );
}
