"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Entry = {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  email: string | null;
  officePhone: string | null;
  mobilePhone: string | null;
  extension: string | null;
};

type Props = {
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  entry?: Entry;
  /** Synced entries: the fields that come from Entra are shown but cannot be edited. */
  syncedFieldsLocked?: boolean;
};

export function DirectoryEntryForm({ action, entry, syncedFieldsLocked = false }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  const e = (field: string) => fieldError(state, field);
  // Locked fields are still posted (readOnly, not disabled) so the server can confirm they did not change.
  const owned = { readOnly: syncedFieldsLocked, className: syncedFieldsLocked ? "opacity-70" : undefined };
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-2">
      {entry ? <input type="hidden" name="id" value={entry.id} /> : null}
      <TextField label="First name" name="firstName" defaultValue={entry?.firstName ?? ""} error={e("firstName")} {...owned} />
      <TextField label="Last name" name="lastName" defaultValue={entry?.lastName ?? ""} error={e("lastName")} {...owned} />
      <TextField
        label="Display name"
        name="displayName"
        defaultValue={entry?.displayName ?? ""}
        hint={syncedFieldsLocked ? undefined : "Leave blank to use first and last name."}
        error={e("displayName")}
        {...owned}
      />
      <TextField label="E-mail" name="email" type="email" defaultValue={entry?.email ?? ""} error={e("email")} {...owned} />
      <TextField label="Office phone" name="officePhone" type="tel" defaultValue={entry?.officePhone ?? ""} error={e("officePhone")} {...owned} />
      <TextField label="Mobile phone" name="mobilePhone" type="tel" defaultValue={entry?.mobilePhone ?? ""} error={e("mobilePhone")} {...owned} />
      <TextField
        label="Extension"
        name="extension"
        inputMode="numeric"
        defaultValue={entry?.extension ?? ""}
        hint="2 to 8 digits, unique in your company."
        error={e("extension")}
      />
      <div className="space-y-3 md:col-span-2">
        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Saving…">
          {entry ? "Save" : "Add entry"}
        </SubmitButton>
      </div>
    </form>
  );
}
