"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const { state, onSubmit, pending, formRef } = useFormAction(changePasswordAction, { resetOnSuccess: true });
  const e = (field: string) => fieldError(state, field);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      <TextField label="Current password" name="currentPassword" type="password" autoComplete="current-password" required error={e("currentPassword")} />
      <TextField
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={e("newPassword")}
      />
      <TextField label="Repeat new password" name="confirmPassword" type="password" autoComplete="new-password" required error={e("confirmPassword")} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="Changing…">
          Change password
        </SubmitButton>
      </div>
    </form>
  );
}
