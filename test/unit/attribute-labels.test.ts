import { describe, expect, it } from "vitest";
import { shownAttributes } from "@/lib/directory/attribute-labels";

describe("shownAttributes", () => {
  it("labels the attributes that hold a value, in the page's order, lists joined", () => {
    expect(
      shownAttributes({
        extensionAttribute15: "z",
        businessPhones: ["+1 425 555 0100", "+1 425 555 0101"],
        officeLocation: "18/2111",
        extensionAttribute1: "1234",
        city: "",
      }),
    ).toEqual([
      { key: "officeLocation", label: "Office location", value: "18/2111" },
      { key: "businessPhones", label: "Business phones", value: "+1 425 555 0100, +1 425 555 0101" },
      { key: "extensionAttribute1", label: "Extension attribute 1", value: "1234" },
      { key: "extensionAttribute15", label: "Extension attribute 15", value: "z" },
    ]);
  });

  it("shows nothing for empty, unknown or malformed values", () => {
    expect(shownAttributes(null)).toEqual([]);
    expect(shownAttributes({})).toEqual([]);
    const hostile = JSON.parse('{"__proto__": "x", "unknownKey": "y", "city": 5, "country": [null, " "], "manager": {"a": 1}}');
    expect(shownAttributes(hostile)).toEqual([]);
  });
});
