import type { InputHTMLAttributes } from "react";

type Props = InputHTMLAttributes<HTMLInputElement> & {
  label: string;
  name: string;
  error?: string;
  hint?: string;
  suffix?: string;
};

/**
 * A labelled input with its hint or validation message. The message sits
 * outside the label and is tied to the input by aria-describedby, so the
 * field's accessible name is its label alone.
 */
export function TextField({ label, name, error, hint, suffix, className, id, ...input }: Props) {
  const inputId = id ?? `field-${name}`;
  const describedBy = error ? `${inputId}-error` : hint ? `${inputId}-hint` : undefined;
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={inputId} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <div className="flex items-center gap-2">
        <input
          id={inputId}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`w-full rounded-md border px-3 py-2 shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 disabled:text-slate-500 ${
            error ? "border-red-500" : "border-slate-300"
          }`}
          {...input}
        />
        {suffix ? <span className="shrink-0 text-slate-500">{suffix}</span> : null}
      </div>
      {error ? (
        <p id={`${inputId}-error`} className="mt-1 text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${inputId}-hint`} className="mt-1 text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
