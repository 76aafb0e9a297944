"use client";

import { useEffect } from "react";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import { testLdapAuthenticationAction } from "./actions";

/**
 * Checks one person's directory password against the saved settings, as
 * directory sign-in will. The password leaves the field after every answer.
 */
export function TestAuthenticationForm({ disabled }: { disabled: boolean }) {
  const { state, onSubmit, pending, formRef } = useFormAction(testLdapAuthenticationAction);

  useEffect(() => {
    if (state.status === "idle") return;
    const password = formRef.current?.elements.namedItem("password");
    if (password instanceof HTMLInputElement) password.value = "";
  }, [state, formRef]);

  if (disabled) return <p className="text-sm text-slate-600">Save the settings to test a person&apos;s sign-in.</p>;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-4" aria-label="Test authentication">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          label="Username"
          name="username"
          autoComplete="off"
          placeholder="bob, CONTOSO\bob or bob@contoso.com"
          required
          error={fieldError(state, "username")}
        />
        <TextField label="Password" name="password" type="password" autoComplete="off" required error={fieldError(state, "password")} />
      </div>
      <FormMessage state={state} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Testing…">
        Test authentication
      </SubmitButton>
    </form>
  );
}
