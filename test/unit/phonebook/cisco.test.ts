import { describe, expect, it } from "vitest";
import { ciscoPagePeople, renderCiscoPage } from "@/lib/phonebook/formats/cisco";
import { parsePhonebookXml } from "../../support/phonebook-xml";
import { hostile, phonebookEntry } from "./phonebook-entry";

describe("Cisco's paged directory", () => {
  it("fills a page with whole people up to 32 items, at least one person a page", () => {
    const threeNumbers = () => phonebookEntry({ extension: "1", officePhone: "+14255550100", mobilePhone: "+14255550199" });
    expect(ciscoPagePeople(Array.from({ length: 20 }, threeNumbers))).toHaveLength(10);
    expect(ciscoPagePeople(Array.from({ length: 40 }, () => phonebookEntry({ extension: "1" })))).toHaveLength(32);
    // People without a number take no item.
    expect(ciscoPagePeople([phonebookEntry(), ...Array.from({ length: 40 }, () => phonebookEntry({ extension: "1" }))])).toHaveLength(33);
    expect(ciscoPagePeople([])).toEqual([]);
  });

  it("renders the page's items and the softkeys, Next only when more follow, with the URL escaped", () => {
    const people = [phonebookEntry({ displayName: hostile.markup, extension: "100", mobilePhone: "+14255550199" })];
    const next = "https://portal.example/phonebook/s3cret/cisco.xml?after=x&y=<z>";
    const parsed = parsePhonebookXml(renderCiscoPage({ people, nextUrl: next }));
    const softKey = (Name: string, URL: string, Position: string) => ({ Name, URL, Position });
    expect(parsed.CiscoIPPhoneDirectory).toEqual({
      Title: "Directory",
      Prompt: "Select a person",
      DirectoryEntry: [
        { Name: hostile.markup, Telephone: ["100"] },
        { Name: `${hostile.markup} (Mobile)`, Telephone: ["+14255550199"] },
      ],
      SoftKeyItem: [
        softKey("Dial", "SoftKey:Dial", "1"),
        softKey("EditDial", "SoftKey:EditDial", "2"),
        softKey("Exit", "SoftKey:Exit", "3"),
        softKey("Next", next, "4"),
      ],
    });
    const last = parsePhonebookXml(renderCiscoPage({ people, nextUrl: null })).CiscoIPPhoneDirectory as { SoftKeyItem: { Name: string }[] };
    expect(last.SoftKeyItem.map((k) => k.Name)).toEqual(["Dial", "EditDial", "Exit"]);
  });
});
