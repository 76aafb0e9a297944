"use client";

import type { FormEvent } from "react";
import { CopyableValue } from "@/components/forms/copyable-value";
import { FormMessage } from "@/components/forms/form-message";
import { SubmitButton } from "@/components/forms/submit-button";
import { useFormAction } from "@/components/forms/use-form-action";
import type { ActionState } from "@/lib/actions/action-state";

type Action<T> = (prev: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

export type CredentialPanelProps = {
  kind: string;
  /** What the secret is called: "secret", "password", "key". */
  noun: string;
  /** The current credential as the page shows it (dates already formatted), or null for none. */
  current: { hint: string; created: string; lastUsed: string } | null;
  /** What the secret goes into, shown once right after it is made: `{secret}` stands for it (a URL, the value itself). */
  reveal: { label: string; template: string }[];
  /** Said before a rotation or a revocation: what stops working. */
  breaks: string;
  createAction: Action<string>;
  /** Absent where a secret is only ever replaced, never revoked (a webhook endpoint's: disable the endpoint instead). */
  revokeAction?: Action<undefined>;
  testId: string;
};

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** Submits only when the person confirms what it breaks. */
const confirmedSubmit = (question: string, submit: (event: FormEvent<HTMLFormElement>) => void) => (event: FormEvent<HTMLFormElement>) => {
  if (window.confirm(question)) submit(event);
  else event.preventDefault();
};

/**
 * One credential of the phonebooks: its hint and use, a button that creates
 * it or a new one in its place, and one that revokes it. A new secret is
 * shown this once, in each place it goes.
 */
export function CredentialPanel({ kind, noun, current, reveal, breaks, createAction, revokeAction, testId }: CredentialPanelProps) {
  return (
    <div className="grid gap-3">
      <div className="flex flex-wrap items-start justify-between gap-3 text-sm">
        {current ? (
          <div data-testid={testId}>
            <p className="font-medium">
              {capitalised(noun)} <span className="font-mono text-slate-500">…{current.hint}</span>
            </p>
            <p className="text-slate-600">
              Created {current.created} · last used {current.lastUsed}
            </p>
          </div>
        ) : (
          <p className="text-slate-500" data-testid={testId}>
            No {noun} yet: requests are refused.
          </p>
        )}
        {current && revokeAction ? <RevokeForm kind={kind} noun={noun} breaks={breaks} action={revokeAction} /> : null}
      </div>
      <CreateForm kind={kind} noun={noun} breaks={current ? breaks : null} reveal={reveal} action={createAction} testId={testId} />
    </div>
  );
}

function RevokeForm({ kind, noun, breaks, action }: { kind: string; noun: string; breaks: string; action: Action<undefined> }) {
  const { state, onSubmit, pending, formRef } = useFormAction(action);
  return (
    <form ref={formRef} onSubmit={confirmedSubmit(`Revoke the ${noun}? ${breaks}`, onSubmit)} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <SubmitButton pending={pending} variant="danger" pendingText="Revoking…">
        Revoke {noun}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

type CreateProps = { kind: string; noun: string; breaks: string | null; reveal: CredentialPanelProps["reveal"]; action: Action<string>; testId: string };

function CreateForm({ kind, noun, breaks, reveal, action, testId }: CreateProps) {
  const { state, onSubmit, pending, formRef } = useFormAction<string>(action);
  const secret = state.status === "success" ? state.data : undefined;
  return (
    <form ref={formRef} onSubmit={breaks ? confirmedSubmit(`Replace the ${noun}? ${breaks}`, onSubmit) : onSubmit} className="grid gap-3">
      <input type="hidden" name="kind" value={kind} />
      <FormMessage state={state} />
      {secret
        ? reveal.map(({ label, template }) => (
            <div key={label} className="grid gap-1 text-sm">
              <span className="font-medium">{label}</span>
              <CopyableValue
                value={template.replaceAll("{secret}", secret)}
                label={label}
                tone="once"
                testId={`new-${testId}-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`}
              />
            </div>
          ))
        : null}
      <div>
        <SubmitButton pending={pending} pendingText="Creating…">
          {breaks ? `Replace ${noun}` : `Create ${noun}`}
        </SubmitButton>
      </div>
    </form>
  );
}
