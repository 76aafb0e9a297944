"use client";

import Link from "next/link";
import { useState } from "react";
import { CheckboxField } from "@/components/forms/checkbox-field";
import { CopyableValue } from "@/components/forms/copyable-value";
import { fieldError } from "@/components/forms/field-error";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";
import { webhookEventLabels, webhookEventTypes, type WebhookEventType } from "@/lib/webhook-events/event-types";

type Created = { id: string; secret: string };
type Props<T> = {
  action: (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;
  /** The endpoint being edited; none to add one. */
  endpoint?: { id: string; url: string; description: string; eventTypes: string[]; enabled: boolean };
};

/**
 * Adds or edits an endpoint: its address, a note, the events it hears of
 * (posted as one comma-separated field) and, when editing, whether it is
 * enabled. A new endpoint's signing secret is shown this once.
 */
export function EndpointForm<T>({ action, endpoint }: Props<T>) {
  const { state, onSubmit, pending, formRef } = useFormAction<T>(action, { resetOnSuccess: !endpoint });
  const [chosen, setChosen] = useState<Set<string>>(new Set(endpoint?.eventTypes ?? webhookEventTypes));
  const toggle = (type: WebhookEventType, on: boolean) => setChosen((prev) => new Set(on ? [...prev, type] : [...prev].filter((t) => t !== type)));
  const created = !endpoint && state.status === "success" ? (state.data as Created | undefined) : undefined;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="grid max-w-2xl gap-4">
      {endpoint ? <input type="hidden" name="id" value={endpoint.id} /> : null}
      <TextField
        label="Endpoint address"
        name="url"
        type="url"
        placeholder="https://pbx.example.com/hooks/switchboard"
        defaultValue={endpoint?.url}
        required
        error={fieldError(state, "url")}
      />
      <TextField label="Description" name="description" placeholder="Our PBX" defaultValue={endpoint?.description} error={fieldError(state, "description")} />
      <fieldset className="grid gap-1 text-sm">
        <legend className="mb-1 font-medium">Events</legend>
        <input type="hidden" name="eventTypes" value={webhookEventTypes.filter((t) => chosen.has(t)).join(",")} />
        {webhookEventTypes.map((type) => (
          <CheckboxField key={type} name={`event-${type}`} checked={chosen.has(type)} onChange={(e) => toggle(type, e.target.checked)}>
            {webhookEventLabels[type]} <code className="text-xs text-slate-500">{type}</code>
          </CheckboxField>
        ))}
        {fieldError(state, "eventTypes") ? <p className="text-red-800">{fieldError(state, "eventTypes")}</p> : null}
      </fieldset>
      {endpoint ? (
        <CheckboxField name="enabled" defaultChecked={endpoint.enabled}>
          Enabled: send events to this endpoint
        </CheckboxField>
      ) : null}
      <FormMessage state={state} />
      {created ? (
        <div className="grid gap-1 text-sm">
          <span className="font-medium">Signing secret</span>
          <CopyableValue value={created.secret} label="the signing secret" tone="once" testId="new-webhook-secret" />
          <Link className="text-sky-700 underline" href={`/authority/webhooks/${created.id}`}>
            Open the endpoint: send a test event, see its deliveries
          </Link>
        </div>
      ) : null}
      <div>
        <SubmitButton pending={pending} pendingText="Saving…">
          {endpoint ? "Save" : "Add endpoint"}
        </SubmitButton>
      </div>
    </form>
  );
}
