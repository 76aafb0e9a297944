import { textProblem } from "@/lib/text/text-problem";

/** Longer than any query parameter or path segment of ours (searches are cut to 100 characters). */
export const requestValueMaxLength = 2_000;

/**
 * What is wrong with a request's query string or path parameters, or null:
 * a NUL, a lone surrogate or a control character in a name or a value, or a
 * value no parameter of ours is that long. Worded for the caller; it never
 * repeats the value.
 */
export function requestTextProblem(query: URLSearchParams, params: Record<string, unknown> = {}): string | null {
  const values: [string, unknown][] = [...query.entries(), ...Object.entries(params)];
  for (const [name, value] of values) {
    const texts = [name, ...(Array.isArray(value) ? value : [value])].filter((v): v is string => typeof v === "string");
    for (const text of texts) {
      if (text.length > requestValueMaxLength) return `The parameter "${safeName(name)}" is too long (at most ${requestValueMaxLength} characters).`;
      const problem = textProblem(text);
      if (problem) return `The parameter "${safeName(name)}" cannot be used: ${problem[0]!.toLowerCase()}${problem.slice(1)}`;
    }
  }
  return null;
}

/** The name as it may be echoed: printable and short. */
function safeName(name: string): string {
  const printable = name.replace(/[\u0000-\u001f\u007f]|\p{Cs}/gu, "?");
  return printable.length > 40 ? `${printable.slice(0, 40)}…` : printable;
}
