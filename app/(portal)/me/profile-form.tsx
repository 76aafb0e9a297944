"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { updateProfileAction } from "./actions";

export function ProfileForm({ name, email }: { name: string; email: string | null }) {
  const { state, onSubmit, pending, formRef } = useFormAction(updateProfileAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      <TextField label="Name" name="name" defaultValue={name} required error={fieldError(state, "name")} />
      <TextField label="E-mail" name="email" type="email" defaultValue={email ?? ""} error={fieldError(state, "email")} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
