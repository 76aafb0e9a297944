"use client";

import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

/** Turns real time on or off; the page says what it is doing now. */
export function RealTimeSwitch({ enabled, action }: { enabled: boolean; action: (p: ActionState, f: FormData) => Promise<ActionState> }) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="mt-3">
      <input type="hidden" name="realTime" value={enabled ? "off" : "on"} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Saving…">
        {enabled ? "Turn real time off" : "Turn real time on"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
