import { describe, expect, it } from "vitest";
import { oneLine, withoutForbidden } from "@/lib/phonebook/formats/plain-text";
import { vcardText } from "@/lib/phonebook/formats/vcard";
import { xmlText } from "@/lib/phonebook/formats/xml-text";

/**
 * The renderers return a plain value untouched after one test; these are the
 * replacements that test stands in for, applied every time, as the oracle:
 * for every UTF-16 code unit, alone and between letters, and a surrogate pair,
 * the fast path and the oracle agree.
 */
const forbidden = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|\p{Cs}/gu;
const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const oracle = {
  withoutForbidden: (v: string) => v.replace(forbidden, ""),
  oneLine: (v: string) => v.replace(forbidden, "").replace(/[\t\r\n]+/g, " "),
  xmlText: (v: string) =>
    v
      .replace(forbidden, "")
      .replace(/[\t\r\n]+/g, " ")
      .replace(/[&<>"']/g, (c) => entities[c]!),
  vcardText: (v: string) => v.replace(forbidden, "").replace(/\r\n|[\\,;\r\n]/g, (c) => (c === "\r\n" || c === "\r" || c === "\n" ? "\\n" : `\\${c}`)),
};
const fast = { withoutForbidden, oneLine, xmlText, vcardText };

const values = [
  ...Array.from({ length: 0x10000 }, (_, unit) => String.fromCharCode(unit)).flatMap((c) => [c, `a${c}b`]),
  "Ann 😀 Lee",
  "\ud83d",
  "x\ude00y",
  "line\r\nbreak",
];

describe("the renderers' plain-value fast path", () => {
  for (const name of Object.keys(fast) as (keyof typeof fast)[]) {
    it(`${name} answers as the replacements would, for every code unit`, () => {
      const differing = values.filter((value) => fast[name](value) !== oracle[name](value));
      expect(differing).toEqual([]);
    });
  }
});
