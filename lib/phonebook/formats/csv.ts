import type { PhonebookEntry } from "@/lib/phonebook/published-entries";
import type { PhonebookFormat } from "./phonebook-format";
import { withoutForbidden } from "./plain-text";

// A cell a spreadsheet would read as a formula (OWASP's CSV injection list: = + - @, tab, carriage return).
const formulaStart = /^[=+\-@\t\r]/;
// …except a number in E.164: a plus and digits only can form no formula or function call, and a softphone
// importing the file must read "+14255550100", not "'+14255550100".
const e164 = /^\+[0-9]{2,15}$/;

/**
 * A CSV field (RFC 4180): quoted when it holds a quote, a comma or a line
 * break, quotes doubled; and defused against spreadsheet formula injection
 * with a leading apostrophe, which spreadsheets show as text.
 */
export function csvField(value: string | null): string {
  if (value === null) return "";
  let text = withoutForbidden(value);
  if (formulaStart.test(text) && !e164.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const columns: [string, (entry: PhonebookEntry) => string | null][] = [
  ["Name", (e) => e.displayName],
  ["First name", (e) => e.firstName],
  ["Last name", (e) => e.lastName],
  ["Extension", (e) => e.extension],
  ["Office phone", (e) => e.officePhone],
  ["Mobile phone", (e) => e.mobilePhone],
  ["Email", (e) => e.email],
  ["Job title", (e) => e.jobTitle],
  ["Department", (e) => e.department],
];

/** CSV for spreadsheets and softphones' imports: a header line, then a line a person, CRLF line ends. */
export const csv: PhonebookFormat = {
  contentType: "text/csv; charset=utf-8; header=present",
  fileName: "contacts.csv",
  start: `${columns.map(([name]) => name).join(",")}\r\n`,
  entry: (entry) => `${columns.map(([, value]) => csvField(value(entry))).join(",")}\r\n`,
  end: "",
};
