import type { PhonebookEntry } from "@/lib/phonebook/published-entries";
import { namedNumbers } from "./entry-numbers";
import { xmlElement } from "./xml-text";

/** A CiscoIPPhoneDirectory holds at most 32 DirectoryEntry items; the phone asks for the next page with the Next softkey. */
export const ciscoPageItems = 32;
export const ciscoContentType = "text/xml; charset=utf-8";

/** The DirectoryEntry items of a person: one a number, a person without one none. */
export const ciscoItems = (entry: PhonebookEntry) => namedNumbers(entry);

/**
 * The people that fill one page, in order: as many whole people as fit in
 * 32 items (a person's numbers are never split over two pages, so the next
 * page starts after the last person shown). At least one person a page, so a
 * page always moves on.
 */
export function ciscoPagePeople(people: PhonebookEntry[]): PhonebookEntry[] {
  let items = 0;
  const page: PhonebookEntry[] = [];
  for (const person of people) {
    items += ciscoItems(person).length;
    if (items > ciscoPageItems && page.length > 0) break;
    page.push(person);
  }
  return page;
}

// Without custom softkeys the phone shows its own; with one (Next), every one it needs must be listed (Cisco's notes, SoftKeyItem).
const softKey = (name: string, url: string, position: number) =>
  `<SoftKeyItem>${xmlElement("Name", name)}${xmlElement("URL", url)}<Position>${position}</Position></SoftKeyItem>\n`;

/**
 * One page of the Cisco IP phone directory object (Cisco Unified IP Phone
 * Services Application Development Notes, CiscoIPPhoneDirectory): `Title`,
 * `Prompt`, the page's `DirectoryEntry` items of `Name` and `Telephone`, and
 * the softkeys Dial, EditDial, Exit and — when more follow — Next, whose URL
 * carries the page's position. No XML declaration: the phones' parser is not
 * a full XML parser, and Cisco's own examples go without it.
 */
export function renderCiscoPage({ people, nextUrl }: { people: PhonebookEntry[]; nextUrl: string | null }): string {
  const items = people
    .flatMap(ciscoItems)
    .map(({ name, number }) => `<DirectoryEntry>${xmlElement("Name", name)}${xmlElement("Telephone", number)}</DirectoryEntry>\n`);
  return [
    "<CiscoIPPhoneDirectory>\n<Title>Directory</Title>\n<Prompt>Select a person</Prompt>\n",
    ...items,
    softKey("Dial", "SoftKey:Dial", 1),
    softKey("EditDial", "SoftKey:EditDial", 2),
    softKey("Exit", "SoftKey:Exit", 3),
    nextUrl === null ? "" : softKey("Next", nextUrl, 4),
    "</CiscoIPPhoneDirectory>\n",
  ].join("");
}
