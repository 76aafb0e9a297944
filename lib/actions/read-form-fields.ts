import { textProblem } from "@/lib/text/text-problem";

/** Above any field a form of ours has (a pasted CA chain is the longest, 50,000). */
export const formFieldMaxLength = 60_000;

// Names that reach an object's prototype when used as a key; no form of ours has such a field.
const forbiddenNames = new Set(["__proto__", "constructor", "prototype"]);

export type FormFields =
  | { ok: true; fields: Record<string, unknown> }
  /** `readable`: the fields that could be taken, when the refusal is about other fields' values (for their schema to check too). */
  | { ok: false; message: string; fieldErrors: Record<string, string>; readable?: Record<string, unknown> };

/**
 * A posted form as a plain object, refused whole when any field could not be
 * taken as it is: a NUL (PostgreSQL refuses it), a lone surrogate, a control
 * character other than tab and line breaks, a value longer than any field of
 * ours, or a field name that is not a plain name. Each form's zod schema
 * checks its own fields more closely; this catches what reaches an action
 * in fields its schema does not read, so nothing odd gets past any action.
 */
export function readFormFields(formData: FormData): FormFields {
  const fields: Record<string, unknown> = Object.create(null);
  const fieldErrors: Record<string, string> = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith("$ACTION")) continue; // React's own bookkeeping fields
    if (forbiddenNames.has(name) || textProblem(name) || name.length > 200) {
      return { ok: false, message: "The form could not be read. Reload the page and try again.", fieldErrors: {} };
    }
    if (typeof value !== "string") {
      fields[name] = undefined; // no form of ours uploads files
      continue;
    }
    const problem = value.length > formFieldMaxLength ? "This is far longer than this field takes." : textProblem(value, { multiline: true });
    if (problem) fieldErrors[name] ??= problem;
    else fields[name] = value;
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, readable: fields };
  return { ok: true, fields };
}
