import { csv } from "./csv";
import { fanvil } from "./fanvil";
import { grandstream } from "./grandstream";
import type { PhonebookFormat } from "./phonebook-format";
import { poly } from "./poly";
import { snom } from "./snom";
import { vcard } from "./vcard";
import { yealink } from "./yealink";

/**
 * The formats streamed whole, by the name in their URL (a Map: a name from
 * the URL such as `__proto__` finds nothing). Cisco's paged directory is apart (cisco.ts).
 */
export const wholeFormats = new Map<string, PhonebookFormat>([
  ["yealink.xml", yealink],
  ["grandstream.xml", grandstream],
  ["snom.xml", snom],
  ["poly.xml", poly],
  ["fanvil.xml", fanvil],
  ["contacts.vcf", vcard],
  ["contacts.csv", csv],
]);

export const ciscoFormatName = "cisco.xml";

/** Every format name a URL may ask for. */
export const phonebookFormatNames = [...wholeFormats.keys(), ciscoFormatName];
