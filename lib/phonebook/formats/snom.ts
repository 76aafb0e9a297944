import { namedNumbers } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { xmlDeclaration, xmlElement } from "./xml-text";

/**
 * Snom's XML minibrowser directory (Snom's "XML Minibrowser" documentation):
 * `SnomIPPhoneDirectory` with a `Title`, a `Prompt` and `DirectoryEntry`
 * items of one `Name` and one `Telephone`; a person with several numbers is
 * an item a number (see namedNumbers).
 */
export const snom: PhonebookFormat = {
  contentType: "text/xml; charset=utf-8",
  start: `${xmlDeclaration}<SnomIPPhoneDirectory>\n<Title>Directory</Title>\n<Prompt>Dial</Prompt>\n`,
  entry(entry) {
    return namedNumbers(entry)
      .map(({ name, number }) => `<DirectoryEntry>${xmlElement("Name", name)}${xmlElement("Telephone", number)}</DirectoryEntry>\n`)
      .join("");
  },
  end: "</SnomIPPhoneDirectory>\n",
};
