import { entryNumbers, numberLabels } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { xmlDeclaration, xmlElement, xmlText } from "./xml-text";

/**
 * Yealink's remote phonebook (Yealink's "Remote Phone Book" admin guide):
 * `YealinkIPPhoneDirectory` of `DirectoryEntry`, each a `Name` and one
 * `Telephone` a number; the `label` attribute (firmware 8x and later, older
 * ones ignore it) names the number on the screen.
 */
export const yealink: PhonebookFormat = {
  contentType: "text/xml; charset=utf-8",
  start: `${xmlDeclaration}<YealinkIPPhoneDirectory>\n`,
  entry(entry) {
    const numbers = entryNumbers(entry);
    if (numbers.length === 0) return "";
    const telephones = numbers.map(({ kind, number }) => `<Telephone label="${numberLabels[kind]}">${xmlText(number)}</Telephone>`);
    return `<DirectoryEntry>${xmlElement("Name", entry.displayName)}${telephones.join("")}</DirectoryEntry>\n`;
  },
  end: "</YealinkIPPhoneDirectory>\n",
};
