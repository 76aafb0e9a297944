"use client";

import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextAreaField } from "@/components/forms/text-area-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import type { Picklists } from "@/lib/picklists/get-picklists";

const hint = "One a line. Left empty, the user form takes any text.";

type Props = {
  lists: Picklists;
  /** The manager's action (their own company) or the operator's (the company named by `customerId`). */
  action: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  customerId?: string;
};

/** A company's packages, user types and sites, which the user forms offer as choices. */
export function PicklistsForm({ lists, action, customerId }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  const e = (field: string) => fieldError(state, field);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid gap-4 md:grid-cols-3">
      {customerId ? <input type="hidden" name="id" value={customerId} /> : null}
      <TextAreaField label="Packages" name="packages" rows={6} defaultValue={lists.package.join("\n")} hint={hint} error={e("packages")} />
      <TextAreaField label="User types" name="userTypes" rows={6} defaultValue={lists.user_type.join("\n")} hint={hint} error={e("userTypes")} />
      <TextAreaField label="Sites" name="sites" rows={6} defaultValue={lists.site.join("\n")} hint={hint} error={e("sites")} />
      <div className="space-y-3 md:col-span-3">
        <FormMessage state={state} />
        <SubmitButton pending={pending} pendingText="Saving…">
          Save lists
        </SubmitButton>
      </div>
    </form>
  );
}
