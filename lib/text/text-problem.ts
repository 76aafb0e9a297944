/**
 * Why a text cannot be taken as it is, or null when it can. PostgreSQL refuses
 * NUL in text ("invalid byte sequence for encoding UTF8: 0x00") and a lone
 * surrogate has no UTF-8 form at all, so either would reach the database only
 * to come back as a failed statement; other control characters are never
 * typed into a form and only hide text. Tab and line breaks are kept where a
 * field is multi-line (a pasted certificate, a filter).
 */
// With the u flag a well-formed pair is one code point, so only an unpaired half matches.
const loneSurrogate = /\p{Cs}/u;

export function textProblem(value: string, { multiline = false }: { multiline?: boolean } = {}): string | null {
  if (value.includes("\u0000")) return "This contains a NUL character, which cannot be stored.";
  if (loneSurrogate.test(value)) return "This contains a broken character (an unpaired surrogate). Type or paste the text again.";
  const controls = multiline ? /[\u0001-\u0008\u000b\u000c\u000e-\u001f]/ : /[\u0001-\u001f]/;
  if (controls.test(value))
    return multiline
      ? "This contains control characters; only tabs and line breaks are allowed."
      : "This contains control characters such as tabs or line breaks; use plain text on one line.";
  return null;
}
