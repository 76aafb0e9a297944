"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { fullResyncAction, oneTimeSyncAction, simulateAction } from "./actions";

/** One manual run: a form of its own, so each button shows its own outcome. */
export function RunButton({ action, label, variant, confirmText }: { action: (p: ActionState, f: FormData) => Promise<ActionState>; label: string; variant: "primary" | "secondary"; confirmText?: string }) {
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

/** Runs on demand: One-time Sync, Simulate (writes nothing) and Full resync (ignores the saved delta position). */
export function RunButtons({ disabled }: { disabled: boolean }) {
  if (disabled) return <p className="text-sm text-slate-600">Save the settings to run a sync.</p>;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <RunButton action={oneTimeSyncAction} label="One-time Sync" variant="primary" />
      <RunButton action={simulateAction} label="Simulate" variant="secondary" />
      <RunButton action={fullResyncAction} label="Full resync" variant="secondary" confirmText="Read every user from Microsoft Entra again, instead of only the changes?" />
    </div>
  );
}
