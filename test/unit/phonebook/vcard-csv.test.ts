import { describe, expect, it } from "vitest";
import { csv, csvField } from "@/lib/phonebook/formats/csv";
import { foldLine, vcard, vcardText } from "@/lib/phonebook/formats/vcard";
import { hostile, phonebookEntry, renderWhole } from "./phonebook-entry";

const octets = (line: string) => Buffer.byteLength(line, "utf8");

/** RFC 6350 §3.2 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("vCard 4.0", () => {
  it("escapes backslash, comma, semicolon and line breaks, and drops forbidden characters", () => {
    expect(vcardText("a\\b,c;d\r\ne\nf\rg")).toBe("a\\\\b\\,c\\;d\\ne\\nf\\ng");
    expect(vcardText(hostile.controls)).toBe("Nul lone bell esc end");
  });

  it("folds at 75 octets without cutting a UTF-8 sequence, every line ending in CRLF", () => {
    for (const text of ["a".repeat(300), "ë".repeat(200), "😀".repeat(100), `x${"日本".repeat(80)}`, hostile.huge]) {
      const folded = foldLine(`FN:${text}`);
      const lines = folded.split("\r\n");
      expect(lines.pop()).toBe("");
      for (const [i, line] of lines.entries()) {
        expect(octets(line)).toBeLessThanOrEqual(75);
        if (i > 0) expect(line.startsWith(" ")).toBe(true);
        // A cut inside a sequence would leave a replacement character after a round trip through bytes.
        expect(Buffer.from(line, "utf8").toString("utf8")).toBe(line);
        expect(line).not.toMatch(/\p{Cs}/u);
      }
      expect(unfold(folded)).toBe(`FN:${text}\r\n`);
    }
    expect(foldLine("FN:short")).toBe("FN:short\r\n");
    expect(foldLine(`FN:${"a".repeat(72)}`)).toBe(`FN:${"a".repeat(72)}\r\n`);
  });

  it("writes a card a person with names, numbers, email, title and department", () => {
    const text = renderWhole(vcard, [
      phonebookEntry({
        id: "5f0c3c1e-9b7a-4c1e-8f00-000000000001",
        displayName: "Lee, Ann; \\ Jr.",
        firstName: "Ann",
        lastName: "Lee",
        extension: "100",
        officePhone: "+14255550100",
        mobilePhone: "(425) 555-0199",
        email: "ann@example.com",
        jobTitle: "Head of, Things",
        department: "Sales;EMEA",
      }),
      phonebookEntry({ id: "5f0c3c1e-9b7a-4c1e-8f00-000000000002", displayName: hostile.proto }),
    ]);
    expect(
      text
        .split("\r\n")
        .slice(0, -1)
        .every((line) => octets(line) <= 75),
    ).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(unfold(text)).toBe(
      [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "UID:urn:uuid:5f0c3c1e-9b7a-4c1e-8f00-000000000001",
        "FN:Lee\\, Ann\\; \\\\ Jr.",
        "N:Lee;Ann;;;",
        "TEL;TYPE=work,x-extension:100",
        "TEL;VALUE=uri;TYPE=work,voice:tel:+14255550100",
        "TEL;TYPE=cell,voice:(425) 555-0199",
        "EMAIL;TYPE=work:ann@example.com",
        "TITLE:Head of\\, Things",
        "ORG:;Sales\\;EMEA",
        "END:VCARD",
        "BEGIN:VCARD",
        "VERSION:4.0",
        "UID:urn:uuid:5f0c3c1e-9b7a-4c1e-8f00-000000000002",
        "FN:__proto__",
        "N:;;;;",
        "END:VCARD",
        "",
      ].join("\r\n"),
    );
  });
});

describe("CSV", () => {
  it("quotes per RFC 4180 and defuses formulas with a leading apostrophe", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField(null)).toBe("");
    expect(csvField('say "hi", then\r\nleave')).toBe('"say ""hi"", then\r\nleave"');
    expect(csvField('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("=1+2")).toBe("'=1+2");
    expect(csvField("+1+cmd|' /C calc'!A0")).toBe("'+1+cmd|' /C calc'!A0");
    expect(csvField("-2")).toBe("'-2");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tTAB")).toBe("'\tTAB");
    expect(csvField("\r=1")).toBe('"\'\r=1"');
    // A number in E.164 is a plus and digits: no formula, and left as it is for the softphones that import it.
    expect(csvField("+14255550100")).toBe("+14255550100");
    expect(csvField(hostile.controls)).toBe("Nul lone bell esc end");
    expect(csvField(hostile.proto)).toBe("__proto__");
  });

  it("writes a header line and a line a person, CRLF line ends", () => {
    const text = renderWhole(csv, [
      phonebookEntry({ displayName: "Ann Lee", firstName: "Ann", lastName: "Lee", extension: "100", officePhone: "+14255550100", department: "Sales, EMEA" }),
      phonebookEntry({ displayName: "=cmd|' /C calc'!A0", mobilePhone: "-1" }),
    ]);
    expect(text).toBe(
      [
        "Name,First name,Last name,Extension,Office phone,Mobile phone,Email,Job title,Department",
        'Ann Lee,Ann,Lee,100,+14255550100,,,,"Sales, EMEA"',
        "'=cmd|' /C calc'!A0,,,,,'-1,,,",
        "",
      ].join("\r\n"),
    );
  });
});
