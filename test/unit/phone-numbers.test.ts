import { describe, expect, it } from "vitest";
import { formatPhone, toE164 } from "@/lib/phone/normalise-phone";
import { fieldHolding, phoneFields } from "@/lib/phone/phone-fields";

describe("phone numbers in E.164", () => {
  it.each([
    // [raw, company's default country, E.164]
    ["+1 (425) 555-0100", "US", "+14255550100"],
    ["0014255550100", "US", "+14255550100"],
    ["4255550100", "US", "+14255550100"],
    ["425.555.0100", "US", "+14255550100"],
    ["011 44 20 7946 0958", "US", "+442079460958"],
    ["+1 425 555 0100 ext. 12", "US", "+14255550100"],
    ["030 1234567", "DE", "+49301234567"],
    ["0049 30 1234567", "DE", "+49301234567"],
    ["+49 (0)30 1234567", "DE", "+49301234567"],
    ["020 7946 0958", "GB", "+442079460958"],
    ["+44 20 7946 0958", "DE", "+442079460958"],
    ["03-1234-5678", "JP", "+81312345678"],
    ["0014255550100", "DE", "+14255550100"],
    ["+49 30 1234567", null, "+49301234567"],
    ["0049 30 1234567", null, "+49301234567"],
    ["  +1 425 555 0100  ", null, "+14255550100"],
  ] as const)("%s with %s is %s", (raw, country, e164) => {
    expect(toE164(raw, country)).toBe(e164);
  });

  it.each([
    ["4255550100", null],
    ["1234", "US"],
    ["extension 12", "US"],
    ["call reception", "DE"],
    ["+", "US"],
    ["", "US"],
    ["9".repeat(5000), "US"],
    ["\ud800", "US"],
  ] as const)("%j with %s is no number", (raw, country) => {
    expect(toE164(raw, country)).toBeNull();
  });

  it("keeps every number of an entry once, and each it cannot read raw, never dropping one", () => {
    const fields = phoneFields(
      {
        officePhone: "(425) 555-0100",
        mobilePhone: "front desk",
        attributes: { businessPhones: ["(425) 555-0100", "+1 425 555 0101"], otherTelephone: ["0044 20 7946 0958", "ask Bob"], ipPhone: "5001" },
      },
      "US",
    );
    expect(fields).toEqual({
      officePhoneE164: "+14255550100",
      mobilePhoneE164: null,
      phonesE164: ["+14255550100", "+14255550101", "+442079460958"],
      unparsedPhones: ["front desk", "ask Bob"],
    });
    // The same input gives equal fields, in the same order: a second sync run changes nothing.
    expect(
      phoneFields(
        {
          officePhone: "(425) 555-0100",
          mobilePhone: "front desk",
          attributes: { businessPhones: ["(425) 555-0100", "+1 425 555 0101"], otherTelephone: ["0044 20 7946 0958", "ask Bob"] },
        },
        "US",
      ),
    ).toEqual(fields);
    expect(phoneFields({ officePhone: null, mobilePhone: null }, "US")).toEqual({
      officePhoneE164: null,
      mobilePhoneE164: null,
      phonesE164: [],
      unparsedPhones: [],
    });
  });

  it("says which field holds a number", () => {
    const entry = { officePhone: "4255550100", mobilePhone: "+1 425 555 0199", attributes: { otherTelephone: ["020 7946 0958"] } };
    expect(fieldHolding("+14255550100", entry, "US")).toBe("officePhone");
    expect(fieldHolding("+14255550199", entry, "US")).toBe("mobilePhone");
    expect(fieldHolding("+442079460958", entry, "GB")).toBe("attributes.otherTelephone");
    expect(fieldHolding("+15555555555", entry, "US")).toBeNull();
  });

  it("shows a number in the company's country's own format, and others internationally", () => {
    expect(formatPhone("+14255550100", "US")).toBe("(425) 555-0100");
    expect(formatPhone("+14255550100", "DE")).toBe("+1 425 555 0100");
    expect(formatPhone("+49301234567", "DE")).toBe("030 1234567");
    expect(formatPhone("+49301234567", null)).toBe("+49 30 1234567");
  });
});
