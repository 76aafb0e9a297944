import { describe, expect, it } from "vitest";
import { formatPhone, toE164 } from "@/lib/phone/normalise-phone";
import { fieldHolding, phoneFields } from "@/lib/phone/phone-fields";
import { fromDirectoryUser } from "@/lib/connectors/active-directory/from-directory-user";
import { fromGraph } from "@/lib/connectors/entra/graph-user";
import { userColumns } from "@/lib/scim/user-mapping";

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
    const raw = { officePhone: "4255550100", mobilePhone: "+1 425 555 0199", attributes: { otherTelephone: ["020 7946 0958"] } };
    const entry = { ...phoneFields(raw, "US"), attributes: raw.attributes };
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

  it("is done by every connector's mapping with the company's country, the raw numbers kept", () => {
    const graph = fromGraph({ id: "A", businessPhones: ["(206) 555-0100"], mobilePhone: "mobile: none" }, { skipGuests: false, members: null }, "US").fields;
    expect(graph).toMatchObject({
      officePhone: "(206) 555-0100",
      officePhoneE164: "+12065550100",
      mobilePhone: "mobile: none",
      mobilePhoneE164: null,
      phonesE164: ["+12065550100"],
      unparsedPhones: ["mobile: none"],
    });
    const ad = fromDirectoryUser(
      {
        objectGuid: "g",
        dn: "CN=x",
        sAMAccountName: "x",
        userPrincipalName: null,
        givenName: null,
        sn: null,
        mail: null,
        telephoneNumber: "030 1234567",
        mobile: null,
        title: null,
        department: null,
        ipPhone: "1234",
        otherTelephone: ["0171 1234567", "+1 425 555 0100"],
        manager: null,
        physicalDeliveryOfficeName: null,
        employeeID: null,
        company: null,
        l: null,
        co: null,
        disabled: false,
      },
      "DE",
    ).fields;
    // ipPhone is the PBX extension, not a number to call from outside: left alone.
    expect(ad).toMatchObject({ officePhoneE164: "+49301234567", phonesE164: ["+49301234567", "+491711234567", "+14255550100"], unparsedPhones: [] });
    const scim = userColumns(
      {
        userName: "a@b.example",
        phoneNumbers: [
          { type: "work", value: "020 7946 0958" },
          { type: "mobile", value: "07700 900123" },
        ],
      },
      "GB",
    );
    expect(scim).toMatchObject({ officePhone: "020 7946 0958", officePhoneE164: "+442079460958", mobilePhoneE164: "+447700900123" });
  });
});
