"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { EntraAccountPicker } from "@/components/linking/entra-account-picker";
import type { LinkedEntry } from "@/lib/linking/get-linked-entry";
import { linkOwnAccountAction } from "./actions";

/** A manager links their own login to their Entra account, to sign in with Microsoft. */
export function MicrosoftAccountForm({ linked }: { linked: LinkedEntry | null }) {
  const { state, onSubmit, pending, formRef } = useFormAction(linkOwnAccountAction);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-4">
      <EntraAccountPicker current={linked} error={fieldError(state, "aadLink")} />
      <FormMessage state={state} />
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          Save Microsoft account
        </SubmitButton>
      </div>
    </form>
  );
}
