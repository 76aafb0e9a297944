"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

export type RunButtonProps = {
  action: (p: ActionState, f: FormData) => Promise<ActionState>;
  label: string;
  variant: "primary" | "secondary";
  /** Asked before starting (a run heavier than usual). */
  confirmText?: string;
};

/** One manual run: a form of its own, so each button shows its own outcome. */
export function RunButton({ action, label, variant, confirmText }: RunButtonProps) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form
      onSubmit={(event) => {
        if (!confirmText || window.confirm(confirmText)) onSubmit(event);
        else event.preventDefault();
      }}
      className="space-y-2"
    >
      <SubmitButton pending={pending} variant={variant} pendingText="Starting…">
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
