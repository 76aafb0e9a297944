"use client";

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
      {state.status === "success" && state.data ? (
        <p className="break-all rounded-md border border-amber-300 bg-amber-50 px-3 py-2 font-mono text-sm" data-testid="new-scim-token">
          {state.data}
        </p>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingText="Creating…">
          Create token
        </SubmitButton>
      </div>
    </form>
  );
}
