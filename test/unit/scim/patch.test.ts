import { describe, expect, it } from "vitest";
import { applyPatch } from "@/lib/scim/patch";
import { ScimError } from "@/lib/scim/scim-error";

const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const base = () => ({
  userName: "pat@contoso.example",
  active: true,
  title: "Rep",
  name: { givenName: "Pat", familyName: "Kim" },
  emails: [
    { type: "work", value: "pat@contoso.example", primary: true },
    { type: "home", value: "pat@home.example" },
  ],
  members: [{ value: "a" }, { value: "b" }, { value: "c" }],
  [enterprise]: { department: "Sales" },
});
const patch = (...Operations: unknown[]) => applyPatch(base(), { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

describe("SCIM PATCH (RFC 7644 §3.5.2, as Entra sends it)", () => {
  it.each<[string, unknown[], Record<string, unknown>]>([
    ["replace a simple attribute", [{ op: "replace", path: "title", value: "Lead" }], { title: "Lead" }],
    ["capitalised op names", [{ op: "Replace", path: "title", value: "Lead" }], { title: "Lead" }],
    ["attribute names in any case", [{ op: "replace", path: "TITLE", value: "Lead" }], { title: "Lead" }],
    ["a sub-attribute", [{ op: "replace", path: "name.familyName", value: "Lee" }], { name: { givenName: "Pat", familyName: "Lee" } }],
    ["a new attribute", [{ op: "add", path: "nickName", value: "P" }], { nickName: "P" }],
    [
      "add merges into an object",
      [{ op: "add", path: "name", value: { middleName: "Q" } }],
      { name: { givenName: "Pat", familyName: "Kim", middleName: "Q" } },
    ],
    ["replace swaps an object", [{ op: "replace", path: "name", value: { givenName: "Sam" } }], { name: { givenName: "Sam" } }],
    [
      "add appends to a list, skipping known values",
      [{ op: "add", path: "members", value: [{ value: "b" }, { value: "d" }] }],
      { members: [{ value: "a" }, { value: "b" }, { value: "c" }, { value: "d" }] },
    ],
    ["remove by value array", [{ op: "remove", path: "members", value: [{ value: "a" }, { value: "c" }] }], { members: [{ value: "b" }] }],
    ["remove an unknown attribute is a no-op", [{ op: "remove", path: "nickName" }], { title: "Rep" }],
    ['Entra\'s "False" string', [{ op: "Replace", path: "active", value: "False" }], { active: false }],
    ['Entra\'s "True" string', [{ op: "Replace", path: "active", value: "True" }], { active: true }],
    ["path-less replace with plain keys", [{ op: "replace", value: { title: "Lead", active: false } }], { title: "Lead", active: false }],
    ["path-less replace with dotted keys", [{ op: "replace", value: { "name.givenName": "Sam" } }], { name: { givenName: "Sam", familyName: "Kim" } }],
    [
      "path-less value with the extension URN as a key",
      [{ op: "replace", value: { [enterprise]: { employeeNumber: "7" } } }],
      { [enterprise]: { department: "Sales", employeeNumber: "7" } },
    ],
    [
      "path-less value with an extension attribute's full name",
      [{ op: "replace", value: { [`${enterprise}:department`]: "Ops" } }],
      { [enterprise]: { department: "Ops" } },
    ],
    [
      "an extension attribute by path",
      [{ op: "replace", path: `${enterprise}:manager.value`, value: "boss" }],
      { [enterprise]: { department: "Sales", manager: { value: "boss" } } },
    ],
    [
      "the extension URN as path with an object",
      [{ op: "add", path: enterprise, value: { costCenter: "CC1" } }],
      { [enterprise]: { department: "Sales", costCenter: "CC1" } },
    ],
    [
      "a value path's sub-attribute",
      [{ op: "replace", path: 'emails[type eq "work"].value', value: "new@contoso.example" }],
      {
        emails: [
          { type: "work", value: "new@contoso.example", primary: true },
          { type: "home", value: "pat@home.example" },
        ],
      },
    ],
    [
      "a value path with an object",
      [{ op: "replace", path: 'emails[type eq "home"]', value: { value: "h@x.example" } }],
      {
        emails: [
          { type: "work", value: "pat@contoso.example", primary: true },
          { type: "home", value: "h@x.example" },
        ],
      },
    ],
    [
      "a value path that matches nothing yet creates the item",
      [{ op: "add", path: 'emails[type eq "other"].value', value: "o@x.example" }],
      { emails: [...base().emails, { type: "other", value: "o@x.example" }] },
    ],
    [
      "a value path with or",
      [{ op: "replace", path: 'emails[type eq "work" or type eq "home"].primary', value: false }],
      {
        emails: [
          { type: "work", value: "pat@contoso.example", primary: false },
          { type: "home", value: "pat@home.example", primary: false },
        ],
      },
    ],
    [
      "remove the items a value path matches",
      [{ op: "remove", path: 'emails[type eq "home"]' }],
      { emails: [{ type: "work", value: "pat@contoso.example", primary: true }] },
    ],
    [
      "remove a sub-attribute of matched items",
      [{ op: "remove", path: 'emails[type eq "work"].primary' }],
      {
        emails: [
          { type: "work", value: "pat@contoso.example" },
          { type: "home", value: "pat@home.example" },
        ],
      },
    ],
    [
      "several operations in order",
      [
        { op: "replace", path: "title", value: "A" },
        { op: "replace", path: "title", value: "B" },
      ],
      { title: "B" },
    ],
  ])("%s", (_name, operations, expected) => {
    expect(patch(...operations)).toMatchObject(expected);
  });

  it("removes a whole attribute", () => {
    expect(patch({ op: "remove", path: "title" })).not.toHaveProperty("title");
    expect(patch({ op: "remove", path: `${enterprise}:department` })[enterprise]).toEqual({});
  });

  it("leaves the resource it was given untouched", () => {
    const resource = base();
    applyPatch(resource, { Operations: [{ op: "replace", path: "name.givenName", value: "Sam" }] });
    expect(resource).toEqual(base());
  });

  it.each<[string, unknown, string]>([
    ["no Operations", {}, "invalidSyntax"],
    ["an empty Operations list", { Operations: [] }, "invalidSyntax"],
    ["an operation that is not an object", { Operations: ["add"] }, "invalidSyntax"],
    ["an unknown op", { Operations: [{ op: "explode", path: "title" }] }, "invalidSyntax"],
    ["a remove without a path", { Operations: [{ op: "remove" }] }, "noTarget"],
    ["a path-less op with a non-object value", { Operations: [{ op: "replace", value: "x" }] }, "invalidValue"],
    [
      "a value path that matches nothing and names no single item to create",
      { Operations: [{ op: "replace", path: 'emails[type eq "x" and value eq "y"].value', value: "x" }] },
      "noTarget",
    ],
    ["a value path on a nested path", { Operations: [{ op: "replace", path: 'name.x[type eq "a"].value', value: "x" }] }, "invalidPath"],
    ["an attribute name with a space", { Operations: [{ op: "replace", path: "job title", value: "x" }] }, "invalidPath"],
    ["an unclosed value-path bracket", { Operations: [{ op: "add", path: 'emails[type eq "work"', value: "x" }] }, "invalidPath"],
    ["a replace of id", { Operations: [{ op: "replace", path: "id", value: "x" }] }, "mutability"],
    ["a replace of meta.created", { Operations: [{ op: "replace", path: "meta.created", value: "x" }] }, "mutability"],
  ])("refuses %s (400 %s)", (_name, body, scimType) => {
    let thrown: unknown;
    try {
      applyPatch(base(), body as Record<string, unknown>);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect(thrown).toMatchObject({ status: 400, scimType });
  });
});
