import type { PhonebookEntry } from "@/lib/phonebook/published-entries";
import { oneLine } from "./plain-text";

export type NumberKind = "extension" | "office" | "mobile";
export type EntryNumber = { kind: NumberKind; number: string };

/** How each kind is labelled where a format has labels (Yealink) or a name must tell two numbers apart (Snom, Cisco). */
export const numberLabels: Record<NumberKind, string> = { extension: "Extension", office: "Office", mobile: "Mobile" };

/**
 * The numbers a phone may dial for the person, in the order it should try
 * them: the extension (colleagues call it), the office line, the mobile (null
 * already when the company hides mobiles). A number written twice (office and
 * mobile alike) is listed once; one that cleans to nothing is left out.
 */
export function entryNumbers(entry: PhonebookEntry): EntryNumber[] {
  const numbers: EntryNumber[] = [];
  const candidates: [NumberKind, string | null][] = [
    ["extension", entry.extension],
    ["office", entry.officePhone],
    ["mobile", entry.mobilePhone],
  ];
  for (const [kind, raw] of candidates) {
    const number = raw === null ? "" : oneLine(raw).trim();
    if (number !== "" && !numbers.some((n) => n.number === number)) numbers.push({ kind, number });
  }
  return numbers;
}

/**
 * One line a person per number, for the formats that hold one number an item
 * (Snom, Cisco): the first keeps the plain name, the others say which number
 * they are, so "Ann Lee" and "Ann Lee (Mobile)" can be told apart on the screen.
 */
export function namedNumbers(entry: PhonebookEntry): { name: string; number: string }[] {
  return entryNumbers(entry).map(({ kind, number }, i) => ({
    name: i === 0 ? entry.displayName : `${entry.displayName} (${numberLabels[kind]})`,
    number,
  }));
}
