import { describe, expect, it } from "vitest";
import { extensionFromAttribute } from "@/lib/provisioning/extension-from-attribute";

const person = (attributes: Readonly<Record<string, string | readonly string[]>>, officePhone: string | null = null) => ({
  attributes: attributes as Record<string, string | string[]>,
  officePhone,
});

describe("an extension from a source attribute", () => {
  it.each([
    ["whole", { extensionAttribute1: "1234" }, "extensionAttribute1", null, { extension: "1234" }],
    ["whole", { extensionAttribute1: " 12 34 " }, "extensionAttribute1", null, { extension: "1234" }],
    ["after_ext", { businessPhones: ["+1 425 555 0100 x1234"] }, "businessPhones", null, { extension: "1234" }],
    ["after_ext", { businessPhones: ["+44 20 7946 0000 ext. 56"] }, "businessPhones", null, { extension: "56" }],
    ["after_ext", { businessPhones: ["", "+1 425 555 0100 Extension: 777"] }, "businessPhones", null, { extension: "777" }],
    ["last_digits", { businessPhones: ["+1 425 555 0100 x1234"] }, "businessPhones", 4, { extension: "0100" }],
    ["last_digits", { ipPhone: "5-1234" }, "ipPhone", 3, { extension: "234" }],
    ["last_digits", { otherTelephone: ["+49 30 1234567", "+49 30 7654321"] }, "otherTelephone", 5, { extension: "34567" }],
  ] as const)("%s of %j", (rule, attributes, attribute, digits, expected) => {
    expect(extensionFromAttribute(person(attributes), { attribute, rule, digits })).toEqual(expected);
  });

  it("reads AD's telephoneNumber and SCIM's work number from the office phone", () => {
    expect(extensionFromAttribute(person({}, "+1 425 555 0199"), { attribute: "telephoneNumber", rule: "last_digits", digits: 4 })).toEqual({
      extension: "0199",
    });
    expect(extensionFromAttribute(person({}, "2001"), { attribute: "phoneNumbers", rule: "whole", digits: null })).toEqual({ extension: "2001" });
  });

  it.each([
    [{}, "extensionAttribute1", "whole", null, "extensionAttribute1 is empty"],
    [{ extensionAttribute1: "   " }, "extensionAttribute1", "whole", null, "extensionAttribute1 is empty"],
    [{ extensionAttribute1: "Reception" }, "extensionAttribute1", "whole", null, 'extensionAttribute1 "Reception" is not an extension of 2 to 8 digits'],
    [{ extensionAttribute1: "123456789" }, "extensionAttribute1", "whole", null, 'extensionAttribute1 "123456789" is not an extension of 2 to 8 digits'],
    [{ businessPhones: ["+1 425 555 0100"] }, "businessPhones", "after_ext", null, 'businessPhones "+1 425 555 0100" has no "x" or "ext" followed by digits'],
    [{ ipPhone: "12" }, "ipPhone", "last_digits", 4, 'ipPhone "12" has fewer than 4 digits'],
  ] as const)("gives none for %j (%s, %s)", (attributes, attribute, rule, digits, problem) => {
    expect(extensionFromAttribute(person(attributes), { attribute, rule, digits })).toEqual({ problem });
  });

  it("quotes a hostile value short and on one line, and never takes digits from it beyond the rule", () => {
    const outcome = extensionFromAttribute(person({ extensionAttribute2: `x\u0000\n${"9".repeat(5_000)}` }), {
      attribute: "extensionAttribute2",
      rule: "whole",
      digits: null,
    });
    expect("problem" in outcome && outcome.problem.length).toBeLessThan(120);
    expect(extensionFromAttribute(person({ __proto__: "1234" } as never), { attribute: "__proto__", rule: "whole", digits: null })).toEqual({
      problem: "__proto__ is empty",
    });
  });
});
