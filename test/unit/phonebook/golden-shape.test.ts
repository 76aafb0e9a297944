import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderCiscoPage } from "@/lib/phonebook/formats/cisco";
import { wholeFormats } from "@/lib/phonebook/formats";
import { xmlShape } from "../../support/phonebook-xml";
import { phonebookEntry, renderWhole } from "./phonebook-entry";

const fixture = (name: string) => readFileSync(path.join(__dirname, "../../fixtures/phonebooks", name), "utf8");

// Everyone's every field, so that every element and attribute we can write is written.
const people = [
  phonebookEntry({ displayName: "Ann Lee", firstName: "Ann", lastName: "Lee", extension: "100", officePhone: "+14255550100", mobilePhone: "+14255550199" }),
  phonebookEntry({ displayName: "Reception", extension: "200" }),
];

/** What a phone reads in each vendor's file: the entry, its name and its number. */
const essentials: Record<string, string[]> = {
  "yealink.xml": [
    "YealinkIPPhoneDirectory/DirectoryEntry/Name",
    "YealinkIPPhoneDirectory/DirectoryEntry/Telephone",
    "YealinkIPPhoneDirectory/DirectoryEntry/Telephone/@label",
  ],
  "grandstream.xml": [
    "AddressBook/Contact/FirstName",
    "AddressBook/Contact/LastName",
    "AddressBook/Contact/Phone/@type",
    "AddressBook/Contact/Phone/phonenumber",
    "AddressBook/Contact/Phone/accountindex",
  ],
  "snom.xml": ["SnomIPPhoneDirectory/DirectoryEntry/Name", "SnomIPPhoneDirectory/DirectoryEntry/Telephone"],
  "poly.xml": ["directory/item_list/item/ln", "directory/item_list/item/fn", "directory/item_list/item/ct"],
  "fanvil.xml": [
    "FanvilIPPhoneDirectory/DirectoryEntry/Name",
    "FanvilIPPhoneDirectory/DirectoryEntry/Telephone",
    "FanvilIPPhoneDirectory/DirectoryEntry/Mobile",
  ],
  "cisco.xml": ["CiscoIPPhoneDirectory/DirectoryEntry/Name", "CiscoIPPhoneDirectory/DirectoryEntry/Telephone", "CiscoIPPhoneDirectory/SoftKeyItem/URL"],
};

const ours = (name: string) =>
  name === "cisco.xml"
    ? renderCiscoPage({ people, nextUrl: "https://portal.example/phonebook/x/cisco.xml?after=1" })
    : renderWhole(wholeFormats.get(name)!, people);

describe("each phonebook has its vendor's shape", () => {
  for (const name of Object.keys(essentials)) {
    it(name, () => {
      const vendor = xmlShape(fixture(name));
      const mine = xmlShape(ours(name));
      // Nothing the vendor's example does not have, at the same place…
      expect([...mine].filter((p) => !vendor.has(p))).toEqual([]);
      // …and what the phone reads, in both.
      for (const p of essentials[name]!) expect({ p, vendor: vendor.has(p), mine: mine.has(p) }).toEqual({ p, vendor: true, mine: true });
    });
  }
});
