import type { TextareaHTMLAttributes } from "react";
import { LabelledField } from "./labelled-field";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

/** TextField's multi-line twin (a PEM certificate, an LDAP filter), in monospace. */
export function TextAreaField({ label, name, error, hint, className, id, ...textarea }: Props) {
  const fieldId = id ?? `field-${name}`;
  return (
    <LabelledField fieldId={fieldId} label={label} error={error} hint={hint} className={className}>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={`w-full rounded-md border px-3 py-2 font-mono text-xs shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 disabled:text-slate-500 ${
          error ? "border-red-500" : "border-slate-300"
        }`}
        {...textarea}
      />
    </LabelledField>
  );
}
