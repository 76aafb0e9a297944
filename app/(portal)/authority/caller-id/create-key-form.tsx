"use client";

import { CopyableValue } from "@/components/forms/copyable-value";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import { createCallerIdKeyAction } from "./actions";

/** Creates the caller-ID key, or a new one in place of the current; shows it this once. */
export function CreateKeyForm({ hasKey }: { hasKey: boolean }) {
  const { state, onSubmit, pending, formRef } = useFormAction<string>(createCallerIdKeyAction);
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        if (!hasKey || window.confirm("Replace the key? The PBX's lookups fail until it has the new one.")) onSubmit(event);
        else event.preventDefault();
      }}
      className="grid max-w-xl gap-4"
    >
      <FormMessage state={state} />
      {state.status === "success" && state.data ? <CopyableValue value={state.data} label="the key" tone="once" testId="new-caller-id-key" /> : null}
      <div>
        <SubmitButton pending={pending} pendingText="Creating…">
          {hasKey ? "Rotate key" : "Create key"}
        </SubmitButton>
      </div>
    </form>
  );
}
