"use client";

import { CopyableValue } from "@/components/forms/copyable-value";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { createScimTokenAction } from "./actions";

/** Creates a bearer token for Entra's provisioning; shows it this once. */
export function CreateTokenForm() {
  const { state, onSubmit, pending, formRef } = useFormAction<string>(createScimTokenAction, { resetOnSuccess: true });
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      <TextField label="Token name" name="label" placeholder="Entra provisioning" required error={fieldError(state, "label")} />
      <FormMessage state={state} />
      {state.status === "success" && state.data ? <CopyableValue value={state.data} label="the token" tone="once" testId="new-scim-token" /> : null}
      <div>
        <SubmitButton pending={pending} pendingText="Creating…">
          Create token
        </SubmitButton>
      </div>
    </form>
  );
}
