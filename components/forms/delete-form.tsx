"use client";

import type { ActionState } from "@/lib/actions/action-state";
import { FormMessage } from "./form-message";
import { SubmitButton } from "./submit-button";
import { useFormAction } from "./use-form-action";

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  id: string;
  label: string;
  confirmText: string;
  pendingText?: string;
};

/** A delete button that asks first, posts only the record's ID, and shows the server's answer. */
export function DeleteForm({ action, id, label, confirmText, pendingText = "Deleting…" }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        if (window.confirm(confirmText)) onSubmit(event);
        else event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={pending} variant="danger" pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
