"use client";

import { useEffect } from "react";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import type { StartedRun } from "@/lib/actions/connector-actions";

export type RunButtonProps = {
  action: (p: ActionState<StartedRun>, f: FormData) => Promise<ActionState<StartedRun>>;
  label: string;
  variant: "primary" | "secondary";
  /** Asked before starting (a run heavier than usual). */
  confirmText?: string;
};

/**
 * One manual run: a form of its own. Its answer is handed to `onAnswer`, so
 * the row of buttons says it in one place below them, not under this one.
 */
export function RunButton({ action, label, variant, confirmText, onAnswer }: RunButtonProps & { onAnswer: (state: ActionState<StartedRun>) => void }) {
  const { state, onSubmit, pending } = useFormAction(action);
  useEffect(() => {
    if (state.status !== "idle") onAnswer(state);
  }, [state, onAnswer]);
  return (
    <form
      onSubmit={(event) => {
        if (!confirmText || window.confirm(confirmText)) onSubmit(event);
        else event.preventDefault();
      }}
    >
      <SubmitButton pending={pending} variant={variant} pendingText="Starting…">
        {label}
      </SubmitButton>
    </form>
  );
}
