import { entryNumbers, type NumberKind } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { xmlDeclaration, xmlElement, xmlText } from "./xml-text";

// Grandstream's phone types are Work, Home, Mobile, Fax and Other: the extension is the work number, the office line "Other".
const phoneTypes: Record<NumberKind, string> = { extension: "Work", office: "Other", mobile: "Mobile" };

/**
 * Grandstream's XML phonebook (the GXP "XML Based Downloadable Phonebook
 * Guide"): `AddressBook` of `Contact`, with `FirstName` and/or `LastName`
 * (one at least: the display name stands in when the directory has neither)
 * and a `Phone type=…` per number holding `phonenumber` and `accountindex`
 * (0: the phone's first account places the call).
 */
export const grandstream: PhonebookFormat = {
  contentType: "text/xml; charset=utf-8",
  start: `${xmlDeclaration}<AddressBook>\n`,
  entry(entry) {
    const numbers = entryNumbers(entry);
    if (numbers.length === 0) return "";
    const names =
      entry.firstName || entry.lastName
        ? `${xmlElement("FirstName", entry.firstName)}${xmlElement("LastName", entry.lastName)}`
        : xmlElement("FirstName", entry.displayName);
    const phones = numbers.map(
      ({ kind, number }) => `<Phone type="${phoneTypes[kind]}"><phonenumber>${xmlText(number)}</phonenumber><accountindex>0</accountindex></Phone>`,
    );
    return `<Contact>${names}${phones.join("")}</Contact>\n`;
  },
  end: "</AddressBook>\n",
};
