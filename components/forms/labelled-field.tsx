import type { ReactNode } from "react";

type Props = { fieldId: string; label: string; error?: string; hint?: string; className?: string; children: ReactNode };

/**
 * A field's frame: its label, then the control, then its validation message
 * or else its hint, with the ids the control's aria-describedby names
 * (`<id>-error`, `<id>-hint`). The message sits outside the label, so the
 * field's accessible name is its label alone.
 */
export function LabelledField({ fieldId, label, error, hint, className, children }: Props) {
  return (
    <div className={`text-sm ${className ?? ""}`}>
      <label htmlFor={fieldId} className="mb-1 block font-medium text-slate-700">
        {label}
      </label>
      {children}
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
