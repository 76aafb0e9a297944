import { describe, expect, it } from "vitest";
import { extensionAttributesOf } from "@/lib/provisioning/extension-attributes";
import { provisioningSources, type ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import { provisioningSettingsInput } from "@/lib/validation/provisioning-settings-input";

/** The input as the screen's action builds it: the source, with the attributes it offers. */
const inputOf = (source: ProvisioningSource) => provisioningSettingsInput({ source, attributes: extensionAttributesOf(source) });

/** The Provisioning form as posted with a range, for any source. */
const valid = {
  usage: "use",
  scope: "everyone",
  site: "",
  package: "Standard",
  userType: "",
  groupMemberType: "",
  extensionMode: "range",
  rangeStart: "7000",
  rangeEnd: "7099",
  graceDays: "30",
};

function errorsOf(source: ProvisioningSource, input: Record<string, unknown>) {
  const result = inputOf(source).safeParse(input);
  expect(result.success, "the input is refused").toBe(false);
  // The first message of a field, as the form shows it (defineAction).
  const errors: Record<string, string> = {};
  for (const issue of result.error!.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

describe("provisioning settings input", () => {
  it.each(provisioningSources)("takes a range for %s, with what a choice does not use left out", (source) => {
    expect(inputOf(source).parse({ ...valid, extensionAttribute: "whatever", extensionDigits: "4", createMobile: "on" })).toEqual({
      usage: "use",
      scopeGroups: [],
      site: null,
      package: "Standard",
      userType: null,
      groupMemberType: null,
      extensionMode: "range",
      extensionAttribute: null,
      extensionRule: "whole",
      extensionDigits: null,
      rangeStart: 7000,
      rangeEnd: 7099,
      createSoftphone: false,
      createMobile: true,
      graceDays: 30,
    });
  });

  it("offers each source's own attributes, and only those", () => {
    expect(extensionAttributesOf("entra")).toEqual([...Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`), "businessPhones"]);
    expect(extensionAttributesOf("active-directory")).toEqual(["ipPhone", "telephoneNumber", "otherTelephone"]);
    expect(extensionAttributesOf("scim")).toEqual(["phoneNumbers"]);
    const attribute = { ...valid, extensionMode: "attribute", rangeStart: "", rangeEnd: "" };
    expect(inputOf("entra").parse({ ...attribute, extensionAttribute: "extensionAttribute7" })).toMatchObject({
      extensionAttribute: "extensionAttribute7",
      rangeStart: null,
    });
    expect(errorsOf("entra", { ...attribute, extensionAttribute: "ipPhone" }).extensionAttribute).toContain("Choose one of extensionAttribute1");
    expect(errorsOf("active-directory", { ...attribute, extensionAttribute: "businessPhones" }).extensionAttribute).toContain("ipPhone");
    expect(errorsOf("scim", { ...attribute, extensionAttribute: "extensionAttribute1" }).extensionAttribute).toContain("phoneNumbers");
  });

  it("refuses a rule that names no attribute, and last digits without N (2 to 8)", () => {
    const attribute = { ...valid, extensionMode: "attribute_then_range" };
    expect(errorsOf("entra", attribute).extensionAttribute).toContain("Choose the attribute");
    const lastDigits = { ...attribute, extensionAttribute: "businessPhones", extensionRule: "last_digits" };
    expect(errorsOf("entra", lastDigits).extensionDigits).toBe("Enter how many digits, 2 to 8.");
    for (const n of ["1", "9", "3.5", "four"]) expect(errorsOf("entra", { ...lastDigits, extensionDigits: n }).extensionDigits, n).toContain("2 to 8");
    expect(inputOf("entra").parse({ ...lastDigits, extensionDigits: "4" })).toMatchObject({
      extensionRule: "last_digits",
      extensionDigits: 4,
    });
  });

  it("needs the range where the mode uses it, as extensions, start ≤ end", () => {
    const missing = errorsOf("active-directory", { ...valid, rangeStart: "", rangeEnd: "" });
    expect(missing.rangeStart).toContain("Enter the extension range");
    expect(missing.rangeEnd).toContain("Enter the extension range");
    expect(errorsOf("entra", { ...valid, rangeStart: "7100", rangeEnd: "7099" }).rangeEnd).toBe("The end of the range must not be below its start.");
    // Told at once beside a fault in a field no rule across fields reads, not only once that one is mended.
    expect(errorsOf("entra", { ...valid, package: "Gold\u0000", rangeStart: "7100", rangeEnd: "7099" })).toEqual({
      package: expect.any(String),
      rangeEnd: "The end of the range must not be below its start.",
    });
    // A range bound that is no extension is told on its own field, with no comparison made of it.
    expect(errorsOf("entra", { ...valid, rangeStart: "7a00", rangeEnd: "7099" })).toEqual({ rangeStart: expect.stringContaining("2 to 8 digits") });
    expect(errorsOf("entra", { ...valid, rangeStart: "7a00" }).rangeStart).toContain("2 to 8 digits");
    expect(errorsOf("entra", { ...valid, rangeStart: "0700" }).rangeStart).toContain("not starting with 0");
    expect(errorsOf("entra", { ...valid, rangeEnd: "123456789" }).rangeEnd).toContain("At most 8");
    expect(errorsOf("entra", { ...valid, rangeEnd: "-7099" }).rangeEnd).toContain("2 to 8 digits");
  });

  it("takes a grace period of 1 to 365 days", () => {
    for (const days of ["0", "366", "", "1.5", "-1", "1e2"]) expect(errorsOf("scim", { ...valid, graceDays: days }).graceDays, days).toContain("365");
    expect(inputOf("scim").parse({ ...valid, graceDays: " 365 " }).graceDays).toBe(365);
  });

  it("takes Entra groups from the picker, AD groups as DNs one a line, and no groups for SCIM", () => {
    const group = { id: "72f988bf-86f1-41af-91ab-2d7cd011db47", displayName: "Phones" };
    expect(inputOf("entra").parse({ ...valid, scope: "groups", scopeGroups: JSON.stringify([group]) }).scopeGroups).toEqual([group]);
    expect(errorsOf("entra", { ...valid, scope: "groups", scopeGroups: "[]" }).scopeGroups).toContain("at least one group");
    expect(errorsOf("entra", { ...valid, scope: "groups", scopeGroups: '[{"id":"not-a-guid","displayName":"x"}]' }).scopeGroups).toContain("not valid");

    const dns = "CN=Phone users,OU=Groups,DC=contoso,DC=com\r\n\n  CN=Sales\\, EMEA,DC=contoso,DC=com  \nCN=Phone users,OU=Groups,DC=contoso,DC=com";
    expect(inputOf("active-directory").parse({ ...valid, scope: "groups", scopeGroups: dns }).scopeGroups).toEqual([
      { id: "CN=Phone users,OU=Groups,DC=contoso,DC=com", displayName: "Phone users" },
      { id: "CN=Sales\\, EMEA,DC=contoso,DC=com", displayName: "Sales\\, EMEA" },
    ]);
    expect(errorsOf("active-directory", { ...valid, scope: "groups", scopeGroups: "Phone users" }).scopeGroups).toContain("Not a DN: Phone users");
    // Everyone: a group list left on the form is not kept.
    expect(inputOf("active-directory").parse({ ...valid, scopeGroups: "CN=A,DC=x" }).scopeGroups).toEqual([]);
    expect(errorsOf("scim", { ...valid, scope: "groups" }).scope).toContain("choose the scope in Entra");
  });

  const hostile: Record<string, string> = {
    nul: "Std\u0000",
    "lone surrogate": "Std\uD800",
    "line break": "Std\nx",
    huge: "7".repeat(100_000),
  };
  const cases = Object.entries(hostile).flatMap(([kind, value]) =>
    ["site", "package", "userType", "extensionAttribute", "rangeStart", "rangeEnd", "graceDays", "extensionDigits", "usage", "extensionMode"].map((field) => ({
      kind,
      value,
      field,
    })),
  );
  it.each(cases)("refuses $kind in $field", ({ value, field }) => {
    const attribute = { ...valid, extensionMode: "attribute_then_range", extensionAttribute: "ipPhone", extensionRule: "last_digits", extensionDigits: "4" };
    expect(inputOf("active-directory").safeParse({ ...attribute, [field]: value }).success).toBe(false);
  });

  it("refuses hostile group choices: a NUL or __proto__ in Entra's JSON, a NUL or huge list in AD's DNs", () => {
    const groups = (json: string) => inputOf("entra").safeParse({ ...valid, scope: "groups", scopeGroups: json }).success;
    expect(groups('[{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47","displayName":"A\\u0000"}]')).toBe(false);
    expect(groups('[{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47","displayName":"A","__proto__":{"polluted":1}}]')).toBe(false);
    expect(groups('{"__proto__":{"polluted":1}}')).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const dns = (text: string) => inputOf("active-directory").safeParse({ ...valid, scope: "groups", scopeGroups: text }).success;
    expect(dns("CN=A\u0000,DC=x")).toBe(false);
    expect(dns("CN=A\uDC00,DC=x")).toBe(false);
    expect(dns(Array.from({ length: 51 }, (_, i) => `CN=G${i},DC=x`).join("\n"))).toBe(false);
    expect(dns(`CN=${"a".repeat(60_000)},DC=x`)).toBe(false);
  });
});
