"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { signOutEverywhereAction } from "./actions";

/** Ends every session of the login (a lost laptop, a shared computer), this one too. */
export function SignOutEverywhereForm() {
  const { state, onSubmit, pending, formRef } = useFormAction(signOutEverywhereAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-3">
      <p className="text-sm text-slate-600">Signs your login out on every device and browser, including this one.</p>
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} variant="secondary" pendingText="Signing out…">
          Sign out of all sessions
        </SubmitButton>
      </div>
    </form>
  );
}
