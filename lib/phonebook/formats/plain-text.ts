/**
 * What no phonebook may carry: NUL and the C0 controls other than tab, line
 * feed and carriage return, unpaired surrogates (no UTF-8 form), and U+FFFE /
 * U+FFFF — the characters XML 1.0's Char production leaves out, and which a
 * vCard or a spreadsheet would only show as garbage. PostgreSQL already
 * refuses NUL and lone surrogates in text; the renderers hold to it anyway.
 */
// With the u flag a well-formed pair is one code point, so only an unpaired half matches \p{Cs}.
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;

/**
 * Whether a value is plain: none of `also`, no C0 control but tab and line breaks (all of them, with
 * `lineBreaks: false`), no U+FFFE/U+FFFF and no surrogate at all (a pair takes the careful path). Nearly every
 * value of a directory is, and one test without the u flag answers it where the replacements would each scan
 * the value again (a phonebook has a million values).
 */
export function plainTest(also: string, { lineBreaks = true } = {}): RegExp {
  const controls = lineBreaks ? "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f" : "\\u0000-\\u001f";
  return new RegExp(`^[^${also}${controls}\\ufffe\\uffff\\ud800-\\udfff]*$`);
}

const allowed = plainTest("");
const onOneLine = plainTest("", { lineBreaks: false });

export function withoutForbidden(value: string): string {
  return allowed.test(value) ? value : value.replace(forbidden, "");
}

/** The text on one line, as a phone's screen shows a name or a number: tabs and line breaks become a space. */
export function oneLine(value: string): string {
  return onOneLine.test(value) ? value : withoutForbidden(value).replace(/[\t\r\n]+/g, " ");
}
