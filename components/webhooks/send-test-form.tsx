"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

/** The "Send test event" button: a signed `webhook.test` event, logged like any other. */
export function SendTestForm({ id, action }: { id: string; action: (prev: ActionState, formData: FormData) => Promise<ActionState> }) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} pendingText="Sending…">
        Send test event
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
