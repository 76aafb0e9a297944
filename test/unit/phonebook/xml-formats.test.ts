import { describe, expect, it } from "vitest";
import { fanvil } from "@/lib/phonebook/formats/fanvil";
import { grandstream } from "@/lib/phonebook/formats/grandstream";
import { poly } from "@/lib/phonebook/formats/poly";
import { snom } from "@/lib/phonebook/formats/snom";
import { xmlText } from "@/lib/phonebook/formats/xml-text";
import { yealink } from "@/lib/phonebook/formats/yealink";
import { parsePhonebookXml } from "../../support/phonebook-xml";
import { hostile, phonebookEntry, renderWhole } from "./phonebook-entry";

// What each hostile value becomes: forbidden characters gone, line breaks and tabs a space, everything else as it was.
const cleaned = {
  markup: hostile.markup,
  controls: "Nul lone bell esc end",
  lines: "two lines and tab",
  proto: "__proto__",
  huge: hostile.huge,
};

const people = [
  phonebookEntry({
    displayName: hostile.markup,
    firstName: hostile.proto,
    lastName: hostile.markup,
    extension: "100",
    officePhone: "+14255550100",
    mobilePhone: "+14255550199",
  }),
  phonebookEntry({ displayName: hostile.controls, firstName: hostile.lines, lastName: null, officePhone: hostile.lines }),
  phonebookEntry({ displayName: hostile.proto, mobilePhone: "+442079460958" }),
  phonebookEntry({ displayName: hostile.huge, lastName: hostile.huge, extension: "4711" }),
  // No number to dial: phones have nothing to show.
  phonebookEntry({ displayName: "No Number", email: "no@example.com" }),
];

describe("xmlText", () => {
  it("escapes the five special characters, drops what XML 1.0 forbids and keeps every other character", () => {
    expect(xmlText(`<a href="x">&'</a> ]]>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt; ]]&gt;");
    expect(xmlText("a\u0000b\u0001c\u001fd\ud800e\udfffg\ufffeh\uffff")).toBe("abcdeg" + "h");
    expect(xmlText("Zoë 😀 日本")).toBe("Zoë 😀 日本");
    expect(xmlText("x\r\n\ty")).toBe("x y");
  });
});

describe("the XML phonebooks parsed back", () => {
  it("Yealink: a DirectoryEntry a person with a number, each number a labelled Telephone", () => {
    const parsed = parsePhonebookXml(renderWhole(yealink, people));
    expect(parsed.YealinkIPPhoneDirectory).toEqual({
      DirectoryEntry: [
        {
          Name: cleaned.markup,
          Telephone: [
            { "@label": "Extension", "#text": "100" },
            { "@label": "Office", "#text": "+14255550100" },
            { "@label": "Mobile", "#text": "+14255550199" },
          ],
        },
        { Name: cleaned.controls, Telephone: [{ "@label": "Office", "#text": cleaned.lines }] },
        { Name: cleaned.proto, Telephone: [{ "@label": "Mobile", "#text": "+442079460958" }] },
        { Name: cleaned.huge, Telephone: [{ "@label": "Extension", "#text": "4711" }] },
      ],
    });
  });

  it("Grandstream: a Contact with first and last names (the display name when there are none) and a typed Phone a number", () => {
    const parsed = parsePhonebookXml(renderWhole(grandstream, people));
    const phone = (type: string, number: string) => ({ "@type": type, phonenumber: number, accountindex: "0" });
    expect(parsed.AddressBook).toEqual({
      Contact: [
        { FirstName: cleaned.proto, LastName: cleaned.markup, Phone: [phone("Work", "100"), phone("Other", "+14255550100"), phone("Mobile", "+14255550199")] },
        { FirstName: cleaned.lines, Phone: [phone("Other", cleaned.lines)] },
        { FirstName: cleaned.proto, Phone: [phone("Mobile", "+442079460958")] },
        { LastName: cleaned.huge, Phone: [phone("Work", "4711")] },
      ],
    });
  });

  it("Snom: an item a number, the second and later named after their kind", () => {
    const parsed = parsePhonebookXml(renderWhole(snom, people));
    expect(parsed.SnomIPPhoneDirectory).toEqual({
      Title: "Directory",
      Prompt: "Dial",
      DirectoryEntry: [
        { Name: cleaned.markup, Telephone: ["100"] },
        { Name: `${cleaned.markup} (Office)`, Telephone: ["+14255550100"] },
        { Name: `${cleaned.markup} (Mobile)`, Telephone: ["+14255550199"] },
        { Name: cleaned.controls, Telephone: [cleaned.lines] },
        { Name: cleaned.proto, Telephone: ["+442079460958"] },
        { Name: cleaned.huge, Telephone: ["4711"] },
      ],
    });
  });

  it("Poly: an item a number with ln, fn and ct", () => {
    const parsed = parsePhonebookXml(renderWhole(poly, people));
    expect(parsed.directory).toEqual({
      item_list: {
        item: [
          { ln: cleaned.markup, fn: cleaned.proto, ct: "100" },
          { ln: cleaned.markup, fn: cleaned.proto, ct: "+14255550100" },
          { ln: cleaned.markup, fn: cleaned.proto, ct: "+14255550199" },
          { fn: cleaned.lines, ct: cleaned.lines },
          { ln: cleaned.proto, ct: "+442079460958" },
          { ln: cleaned.huge, ct: "4711" },
        ],
      },
    });
  });

  it("Fanvil: Telephone (the extension, else the office line), Mobile and Other", () => {
    const parsed = parsePhonebookXml(renderWhole(fanvil, people));
    expect(parsed.FanvilIPPhoneDirectory).toEqual({
      "@clearlight": "true",
      Title: "Directory",
      Prompt: "Dial",
      DirectoryEntry: [
        { Name: cleaned.markup, Telephone: ["100"], Mobile: "+14255550199", Other: "+14255550100" },
        { Name: cleaned.controls, Telephone: [cleaned.lines] },
        { Name: cleaned.proto, Mobile: "+442079460958" },
        { Name: cleaned.huge, Telephone: ["4711"] },
      ],
    });
  });

  it("an empty directory is still a well-formed phonebook", () => {
    for (const format of [yealink, grandstream, snom, poly, fanvil]) expect(() => parsePhonebookXml(renderWhole(format, []))).not.toThrow();
  });
});
