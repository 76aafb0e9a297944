"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Props = {
  runId: string;
  count: number;
  /** The connector's own confirm action (it refreshes that connector's screen). */
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** Applies the removals a run held back for being above the threshold. */
export function ConfirmRemovalsButton({ runId, count, action }: Props) {
  const { state, onSubmit, pending } = useFormAction(action);
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
