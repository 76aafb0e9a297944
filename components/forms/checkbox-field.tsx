import type { InputHTMLAttributes, ReactNode } from "react";

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, "type"> & { name: string; children: ReactNode; labelClassName?: string };

/** A checkbox with its label text after it; the whole line is the click target. */
export function CheckboxField({ children, labelClassName, ...input }: Props) {
  return (
    <label className={["flex items-center gap-2", labelClassName].filter(Boolean).join(" ")}>
      <input type="checkbox" {...input} /> {children}
    </label>
  );
}
