import { describe, expect, it } from "vitest";
import { matches, parseFilter, simpleEquality } from "@/lib/scim/filter";
import { ScimError } from "@/lib/scim/scim-error";

const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const pat = {
  userName: "Pat@Contoso.example",
  displayName: "Pat Kim",
  title: "Sales Rep",
  active: true,
  name: { givenName: "Pat", familyName: "Kim" },
  emails: [
    { type: "work", value: "pat@contoso.example", primary: true },
    { type: "home", value: "pat@home.example" },
  ],
  meta: { lastModified: "2026-05-01T10:00:00Z" },
  [enterprise]: { department: "Sales", manager: { value: "boss" } },
  nickName: "",
  loginCount: 7,
};

describe("SCIM filters (RFC 7644 §3.4.2.2)", () => {
  it.each([
    // Attribute operators, case-insensitive on names and (caseExact false) values.
    ['userName eq "pat@contoso.example"', true],
    ['USERNAME EQ "PAT@CONTOSO.EXAMPLE"', true],
    ['userName ne "pat@contoso.example"', false],
    ['userName ne "someone@else.example"', true],
    ['displayName co "t k"', true],
    ['displayName sw "pat"', true],
    ['displayName sw "kim"', false],
    ['displayName ew "KIM"', true],
    ['title gt "Rep"', true],
    ['title lt "Rep"', false],
    ['title ge "Sales Rep"', true],
    ['title le "Sales Rep"', true],
    ["loginCount gt 6", true],
    ["loginCount ge 7", true],
    ["loginCount lt 7", false],
    ["loginCount eq 7", true],
    ['meta.lastModified gt "2026-04-30T00:00:00Z"', true],
    ['meta.lastModified lt "2026-04-30T00:00:00Z"', false],
    ['meta.lastModified eq "2026-05-01T10:00:00.000Z"', true],
    ["active eq true", true],
    ["active eq false", false],
    ['active eq "True"', true],
    // Presence: an empty string is not present.
    ["title pr", true],
    ["nickName pr", false],
    ["phoneNumbers pr", false],
    // Multi-valued and sub-attributes, with and without a value path.
    ['emails.value eq "pat@home.example"', true],
    ['emails eq "pat@home.example"', false],
    ['emails[type eq "work" and value co "contoso"]', true],
    ['emails[type eq "home" and value co "contoso"]', false],
    ['emails[type eq "work"] and title sw "sales"', true],
    // Logical operators, precedence (and binds tighter than or), parentheses, not.
    ['title eq "x" or displayName sw "pat"', true],
    ['title eq "x" or displayName sw "pat" and userName eq "nobody"', false],
    ['(title eq "x" or displayName sw "pat") and userName pr', true],
    ['title eq "x" or (displayName sw "pat" and userName eq "nobody")', false],
    ['not (title eq "x")', true],
    ['not (title sw "sales")', false],
    ['not (not (title sw "sales"))', true],
    // The enterprise extension, with its URN or without it.
    [`${enterprise}:department eq "sales"`, true],
    ['department eq "Sales"', true],
    [`${enterprise}:manager.value eq "boss"`, true],
    // Bare words, as Entra's docs and Microsoft's test collection send them.
    ["name.familyName eq Kim", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(pat, parseFilter(filter))).toBe(expected);
  });

  it.each([
    ["userName eq", "ends too early"],
    ['userName zz "x"', "not a filter operator"],
    ['(userName eq "x"', "ends too early"],
    ['userName eq "x")', "Unexpected"],
    ['userName eq "unclosed', "not closed"],
    ['emails[type eq "work"', "ends too early"],
    ['"quoted" eq "x"', "not an attribute name"],
    ['userName eq "\\x"', "not a valid quoted value"],
    ['not title eq "x"', 'Expected "("'],
  ])("refuses %s as 400 invalidFilter (%s)", (filter, message) => {
    let thrown: unknown;
    try {
      parseFilter(filter);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType: "invalidFilter" });
    expect((thrown as ScimError).detail).toContain(message);
  });

  it("names the single equality Entra sends, so it can be answered from an index", () => {
    expect(simpleEquality(parseFilter('userName eq "Pat@Contoso.example"'))).toEqual({ path: "username", value: "Pat@Contoso.example" });
    expect(simpleEquality(parseFilter('externalId eq "abc"'))).toEqual({ path: "externalid", value: "abc" });
    expect(simpleEquality(parseFilter('userName ne "x"'))).toBeNull();
    expect(simpleEquality(parseFilter('userName eq "x" and title pr'))).toBeNull();
    expect(simpleEquality(parseFilter("loginCount eq 7"))).toBeNull();
  });
});
