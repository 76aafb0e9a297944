import type { TextareaHTMLAttributes } from "react";

type Props = TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; error?: string; hint?: string };

/** TextField's multi-line twin (a PEM certificate, an LDAP filter): label, hint or error tied by aria-describedby. */
export function TextAreaField({ label, name, error, hint, className, id, ...textarea }: Props) {
  const fieldId = id ?? `field-${name}`;
  const describedBy = error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined;
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={fieldId} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`w-full rounded-md border px-3 py-2 font-mono text-xs shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 disabled:text-slate-500 ${
          error ? "border-red-500" : "border-slate-300"
        }`}
        {...textarea}
      />
      {error ? (
        <p id={`${fieldId}-error`} className="mt-1 text-red-700">
          {error}
        </p>
      ) : hint ? (
        <p id={`${fieldId}-hint`} className="mt-1 text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
