/**
 * What no phonebook may carry: NUL and the C0 controls other than tab, line
 * feed and carriage return, unpaired surrogates (no UTF-8 form), and U+FFFE /
 * U+FFFF — the characters XML 1.0's Char production leaves out, and which a
 * vCard or a spreadsheet would only show as garbage. PostgreSQL already
 * refuses NUL and lone surrogates in text; the renderers hold to it anyway.
 */
// With the u flag a well-formed pair is one code point, so only an unpaired half matches \p{Cs}.
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

export function withoutForbidden(value: string): string {
  return value.replace(forbidden, "");
}

/** The text on one line, as a phone's screen shows a name or a number: tabs and line breaks become a space. */
export function oneLine(value: string): string {
  return withoutForbidden(value).replace(/[\t\r\n]+/g, " ");
}
