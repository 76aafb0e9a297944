"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { revokeCallerIdKeyAction } from "./actions";

/** Revokes the caller-ID key, after asking. */
export function RevokeKeyForm() {
  const { state, onSubmit, pending, formRef } = useFormAction(revokeCallerIdKeyAction);
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        if (window.confirm("Revoke the caller-ID key? The PBX can no longer name callers.")) onSubmit(event);
        else event.preventDefault();
      }}
      className="space-y-2"
    >
      <SubmitButton pending={pending} variant="danger" pendingText="Revoking…">
        Revoke
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
