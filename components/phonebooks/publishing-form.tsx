"use client";

import { CheckboxField } from "@/components/forms/checkbox-field";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import type { PhonebookSettings } from "@/lib/phonebook/published-entries";

type Props = { settings: PhonebookSettings; action: (prev: ActionState<undefined>, formData: FormData) => Promise<ActionState<undefined>> };

/** Which entries the company's phonebooks publish: active ones always; typed-in ones and mobile numbers as chosen. */
export function PublishingForm({ settings, action }: Props) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-xl gap-3 text-sm">
      <FormMessage state={state} />
      <CheckboxField name="includeManual" defaultChecked={settings.includeManual}>
        Include entries typed in here (not synced)
      </CheckboxField>
      <CheckboxField name="hideMobile" defaultChecked={settings.hideMobile}>
        Hide mobile numbers
      </CheckboxField>
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          Save
        </SubmitButton>
      </div>
    </form>
  );
}
