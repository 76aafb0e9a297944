"use client";

import { FormMessage } from "@/components/forms/form-message";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Props = { action: (prev: ActionState, formData: FormData) => Promise<ActionState>; userId: string; field: string; label: string };

/** "Let provisioning manage <field> again" for one hand-set field. */
export function ReleaseFieldForm({ action, userId, field, label }: Props) {
  const { state, onSubmit, pending } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="id" value={userId} />
      <input type="hidden" name="field" value={field} />
      <button type="submit" disabled={pending} className="text-sky-700 underline disabled:opacity-60">
        Let provisioning manage {label} again
      </button>
      {state.status === "error" ? <FormMessage state={state} /> : null}
    </form>
  );
}
