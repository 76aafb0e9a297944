"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { confirmRemovalsAction } from "./actions";

/** Applies the removals a run held back for being above the threshold. */
export function ConfirmRemovalsButton({ runId, count }: { runId: string; count: number }) {
  const { state, onSubmit, pending } = useFormAction(confirmRemovalsAction);
  return (
    <form
      onSubmit={(event) => {
        if (window.confirm(`Mark ${count} directory entries as removed?`)) onSubmit(event);
        else event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={runId} />
      <SubmitButton pending={pending} variant="danger" pendingText="Applying…">
        Confirm {count} removals
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
