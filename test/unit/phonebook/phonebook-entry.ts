import { randomUUID } from "node:crypto";
import type { PhonebookEntry } from "@/lib/phonebook/published-entries";
import type { PhonebookFormat } from "@/lib/phonebook/formats/phonebook-format";

/** A published entry as the foundation's query returns it, every field null unless given. */
export const phonebookEntry = (fields: Partial<PhonebookEntry> = {}): PhonebookEntry => ({
  id: randomUUID(),
  displayName: "Ann Lee",
  firstName: null,
  lastName: null,
  extension: null,
  officePhone: null,
  mobilePhone: null,
  email: null,
  jobTitle: null,
  department: null,
  ...fields,
});

/** A whole phonebook as the route streams it, in one string. */
export const renderWhole = (format: PhonebookFormat, entries: PhonebookEntry[]) => format.start + entries.map((e) => format.entry(e)).join("") + format.end;

/** Values a directory may hold that a phonebook must carry safely (NUL and lone surrogates never reach PostgreSQL, but a renderer holds to it anyway). */
export const hostile = {
  markup: `A & B <b>bold</b> "quoted" 'single' ]]> <![CDATA[x]]>`,
  controls: "Nul\u0000 lone\ud800 bell\u0007 esc\u001b end",
  lines: "two\r\nlines\tand tab",
  proto: "__proto__",
  huge: "Ω".repeat(50_000),
};
