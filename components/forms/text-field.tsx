import type { InputHTMLAttributes } from "react";
import { LabelledField } from "./labelled-field";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  suffix?: string;
};

/** A labelled input with its hint or validation message (LabelledField), and an optional unit after it. */
export function TextField({ label, name, error, hint, suffix, className, id, ...input }: Props) {
  const inputId = id ?? `field-${name}`;
  return (
    <LabelledField fieldId={inputId} label={label} error={error} hint={hint} className={className}>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined}
          className={`w-full rounded-md border px-3 py-2 shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 disabled:text-slate-500 ${
            error ? "border-red-500" : "border-slate-300"
          }`}
          {...input}
        />
        {suffix ? <span className="shrink-0 text-slate-500">{suffix}</span> : null}
      </div>
    </LabelledField>
  );
}
