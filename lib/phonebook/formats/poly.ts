import { entryNumbers } from "./entry-numbers";
import type { PhonebookFormat } from "./phonebook-format";
import { xmlElement } from "./xml-text";

/**
 * Poly (Polycom) UC Software's contact directory (the SoundPoint IP / VVX
 * administrator guide, "Local Contact Directory File Format"):
 * `directory/item_list/item` with `ln` (last name), `fn` (first name) and
 * `ct` (the contact's number). One `ct` an item, so a person with several
 * numbers is an item a number under the same name. Without first and last
 * names the display name is the `ln`, as Poly's own examples do for companies.
 */
export const poly: PhonebookFormat = {
  contentType: "text/xml; charset=utf-8",
  start: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<directory>\n<item_list>\n',
  entry(entry) {
    const named = entry.firstName || entry.lastName;
    const names = named ? `${xmlElement("ln", entry.lastName)}${xmlElement("fn", entry.firstName)}` : xmlElement("ln", entry.displayName);
    return entryNumbers(entry)
      .map(({ number }) => `<item>${names}${xmlElement("ct", number)}</item>\n`)
      .join("");
  },
  end: "</item_list>\n</directory>\n",
};
