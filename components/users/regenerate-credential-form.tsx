"use client";

import { CopyableValue } from "@/components/forms/copyable-value";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Props = { action: (prev: ActionState<string>, formData: FormData) => Promise<ActionState<string>>; deviceId: string; label: string };

/** "Generate new credential" for one device; the new credential is shown this once, to copy into the phone. */
export function RegenerateCredentialForm({ action, deviceId, label }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction<string>(action);
  return (
    <form
      ref={formRef}
      onSubmit={(event) => {
        if (window.confirm(`Generate a new credential for ${label}? The phone stops registering until it is given the new one.`)) onSubmit(event);
        else event.preventDefault();
      }}
      className="space-y-2"
    >
      <input type="hidden" name="id" value={deviceId} />
      <SubmitButton pending={pending} variant="secondary" pendingText="Generating…">
        Generate new credential
      </SubmitButton>
      <FormMessage state={state} />
      {state.status === "success" && state.data ? <CopyableValue value={state.data} label="the credential" tone="once" testId="new-device-credential" /> : null}
    </form>
  );
}
