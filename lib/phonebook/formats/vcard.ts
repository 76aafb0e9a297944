import { entryNumbers, type NumberKind } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { plainTest, withoutForbidden } from "./plain-text";

const escaped = /\r\n|[\\,;\r\n]/g;
const plainVcard = plainTest("\\\\,;", { lineBreaks: false });

/** RFC 6350 §3.4: a text value with backslash, comma, semicolon and line breaks escaped (one pass: a phonebook has a million values). */
export function vcardText(value: string): string {
  if (plainVcard.test(value)) return value;
  return withoutForbidden(value).replace(escaped, (c) => (c === "\r\n" || c === "\r" || c === "\n" ? "\\n" : `\\${c}`));
}

const encoder = new TextEncoder();
const maxOctets = 75;

/**
 * RFC 6350 §3.2: a content line longer than 75 octets is folded — CRLF and
 * one space before each continuation, the space counted in its 75 — and
 * never inside a UTF-8 sequence: it is cut between code points.
 */
export function foldLine(line: string): string {
  // Most lines are short enough not to count: a UTF-16 unit is at most three octets (a pair, four for two units).
  if (line.length * 3 <= maxOctets || Buffer.byteLength(line, "utf8") <= maxOctets) return `${line}\r\n`;
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > maxOctets) {
      parts.push(current);
      current = " ";
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return `${parts.join("\r\n")}\r\n`;
}

// Dialable E.164 numbers as tel: URIs (RFC 3966), the rest (an extension, a number as written) as text.
const e164 = /^\+[0-9]{2,15}$/;
const telTypes: Record<NumberKind, string> = { extension: "work,x-extension", office: "work,voice", mobile: "cell,voice" };

function telLine(kind: NumberKind, number: string): string {
  return e164.test(number) ? `TEL;VALUE=uri;TYPE=${telTypes[kind]}:tel:${number}` : `TEL;TYPE=${telTypes[kind]}:${vcardText(number)}`;
}

/**
 * vCard 4.0 (RFC 6350), one card a person, CRLF line ends: FN and N, a TEL
 * per number, EMAIL, TITLE, the department as ORG's unit, and the entry's ID
 * as UID so a client that imports again updates the same contact.
 */
export const vcard: PhonebookFormat = {
  contentType: "text/vcard; charset=utf-8",
  fileName: "contacts.vcf",
  start: "",
  entry(entry) {
    // Built as one string, line by line (a phonebook has a hundred thousand cards); the UID line (49 octets of ASCII) never folds.
    let card = `BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:${entry.id}\r\n`;
    card += foldLine(`FN:${vcardText(entry.displayName)}`);
    card += foldLine(`N:${vcardText(entry.lastName ?? "")};${vcardText(entry.firstName ?? "")};;;`);
    for (const { kind, number } of entryNumbers(entry)) card += foldLine(telLine(kind, number));
    if (entry.email) card += foldLine(`EMAIL;TYPE=work:${vcardText(entry.email)}`);
    if (entry.jobTitle) card += foldLine(`TITLE:${vcardText(entry.jobTitle)}`);
    if (entry.department) card += foldLine(`ORG:;${vcardText(entry.department)}`);
    return `${card}END:VCARD\r\n`;
  },
  end: "",
};
