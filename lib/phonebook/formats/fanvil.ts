import { entryNumbers } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { xmlDeclaration, xmlElement } from "./xml-text";

/**
 * Fanvil's remote XML phonebook (Fanvil's "XML Phonebook" / XML operation
 * guide): `FanvilIPPhoneDirectory` with a `Title`, a `Prompt` and
 * `DirectoryEntry` items of `Name`, `Telephone`, `Mobile` and `Other`. The
 * extension is the Telephone (the office line when there is none), the
 * office line Other beside an extension.
 */
export const fanvil: PhonebookFormat = {
  contentType: "text/xml; charset=utf-8",
  start: `${xmlDeclaration}<FanvilIPPhoneDirectory clearlight="true">\n<Title>Directory</Title>\n<Prompt>Dial</Prompt>\n`,
  entry(entry) {
    const numbers = entryNumbers(entry);
    if (numbers.length === 0) return "";
    const number = (kind: string) => numbers.find((n) => n.kind === kind)?.number ?? null;
    const [extension, office, mobile] = [number("extension"), number("office"), number("mobile")];
    const telephone = extension ?? office;
    const other = extension === null ? null : office;
    return `<DirectoryEntry>${xmlElement("Name", entry.displayName)}${xmlElement("Telephone", telephone)}${xmlElement("Mobile", mobile)}${xmlElement("Other", other)}</DirectoryEntry>\n`;
  },
  end: "</FanvilIPPhoneDirectory>\n",
};
