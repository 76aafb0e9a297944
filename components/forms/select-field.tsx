import type { SelectHTMLAttributes } from "react";
import { LabelledField } from "./labelled-field";

type Props = SelectHTMLAttributes<HTMLSelectElement> & {
  label: string;
  name: string;
  options: readonly { value: string; label: string }[];
  error?: string;
  hint?: string;
};

/**
 * A choice from a list, framed like every other field: the label is tied to the
 * select by its id (not wrapped around it, which made every option's text part
 * of the field's accessible name).
 */
export function SelectField({ label, name, options, error, hint, id, ...select }: Props) {
  const fieldId = id ?? `field-${name}`;
  return (
    <LabelledField fieldId={fieldId} label={label} error={error} hint={hint}>
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : hint ? `${fieldId}-hint` : undefined}
        className={`w-full rounded-md border bg-white px-3 py-2 shadow-sm outline-none focus:ring-2 focus:ring-sky-500 disabled:bg-slate-100 disabled:text-slate-500 ${
          error ? "border-red-500" : "border-slate-300"
        }`}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
