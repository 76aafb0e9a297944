import { afterEach, describe, expect, it } from "vitest";
import { parseUntrustedJson, UntrustedJsonError } from "@/lib/http/parse-untrusted-json";
import { parseFilter } from "@/lib/scim/filter";
import { applyPatch } from "@/lib/scim/patch";
import { ScimError } from "@/lib/scim/scim-error";
import { storedResource, userColumns } from "@/lib/scim/user-mapping";

const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });
// What a request body becomes: JSON.parse makes "__proto__" an own key, as an attacker's body would.
const parsed = (json: string) => JSON.parse(json) as Record<string, unknown>;

/** Every way an attacker can name a prototype in a PATCH, each as a parsed body. */
const shapes: [string, Record<string, unknown>][] = [
  ["a path through __proto__", patchOp({ op: "add", path: "__proto__.polluted", value: "yes" })],
  ["a path through constructor.prototype", patchOp({ op: "replace", path: "constructor.prototype.polluted", value: "yes" })],
  ["a path ending in __proto__", patchOp({ op: "replace", path: "name.__proto__", value: { polluted: "yes" } })],
  ["a capitalised __PROTO__ path", patchOp({ op: "Add", path: "__PROTO__.polluted", value: "yes" })],
  ["an enterprise path through __proto__", patchOp({ op: "add", path: `${enterprise}:__proto__.polluted`, value: "yes" })],
  ["a path-less dotted key", patchOp({ op: "replace", value: { "__proto__.polluted": "yes" } })],
  ["a path-less constructor key", patchOp({ op: "replace", value: { "constructor.prototype.polluted": "yes" } })],
  ["a path-less nested __proto__ object", parsed(`{"Operations":[{"op":"replace","value":{"__proto__":{"polluted":"yes"}}}]}`)],
  ["an enterprise extension object with __proto__", parsed(`{"Operations":[{"op":"add","value":{"${enterprise}":{"__proto__":{"polluted":"yes"}}}}]}`)],
  [
    "an enterprise path with an object value holding __proto__",
    parsed(`{"Operations":[{"op":"add","path":"${enterprise}","value":{"__proto__":{"polluted":"yes"}}}]}`),
  ],
  ["a value merged into an object", parsed(`{"Operations":[{"op":"add","path":"name","value":{"__proto__":{"polluted":"yes"}}}]}`)],
  ["a value path's sub-attribute", patchOp({ op: "replace", path: 'emails[type eq "work"].__proto__', value: { polluted: "yes" } })],
  ["a value path's attribute", patchOp({ op: "add", path: '__proto__[type eq "work"].polluted', value: "yes" })],
  ["a value path's filter attribute", patchOp({ op: "add", path: 'emails[constructor eq "x"].value', value: "yes" })],
  ["a value path's object value", parsed(`{"Operations":[{"op":"add","path":"emails[type eq \\"work\\"]","value":{"__proto__":{"polluted":"yes"}}}]}`)],
  ["a remove through __proto__", patchOp({ op: "remove", path: "__proto__.toString" })],
  ["the Operations key itself", parsed(`{"__proto__":{"Operations":[]},"Operations":[{"op":"add","path":"title","value":"x"}]}`)],
  ["an operation object's own __proto__", parsed(`{"Operations":[{"__proto__":{"op":"add"},"op":"add","path":"title","value":"x"}]}`)],
];

afterEach(() => {
  // A failing case must not leak into the next one.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

describe("no request shape reaches an object's prototype", () => {
  it.each(shapes)("refuses %s with a SCIM 400 and pollutes nothing", (_name, body) => {
    const resource = { userName: "a@x.example", name: { givenName: "A" }, emails: [{ type: "work", value: "a@x.example" }] };
    let thrown: unknown;
    try {
      applyPatch(resource, body);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ScimError);
    expect((thrown as ScimError).status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    expect(resource).toEqual({ userName: "a@x.example", name: { givenName: "A" }, emails: [{ type: "work", value: "a@x.example" }] });
  });

  it.each([
    ['{"__proto__":{"polluted":"yes"}}'],
    ['{"userName":"a","name":{"constructor":{"prototype":{"polluted":"yes"}}}}'],
    ['{"userName":"a","emails":[{"prototype":1}]}'],
    ['{"userName":"a","PROTOTYPE":1}'],
  ])("refuses a body with a prototype key at any depth: %s", (json) => {
    expect(() => parseUntrustedJson(json)).toThrow(UntrustedJsonError);
  });

  it("refuses NUL and unpaired surrogates in keys and values, and deep nesting, before anything walks it", () => {
    for (const json of ['{"userName":"a\\u0000b"}', '{"a\\u0000":1}', '{"userName":"\\ud800"}', '{"x":["\\udc00"]}']) {
      expect(() => parseUntrustedJson(json)).toThrow(expect.objectContaining({ reason: "text" }));
    }
    expect(() => parseUntrustedJson(`${"[".repeat(5000)}${"]".repeat(5000)}`)).toThrow(expect.objectContaining({ reason: "depth" }));
    expect(() => parseUntrustedJson(`{"a":"${"[".repeat(5000)}"}`)).not.toThrow();
    expect(() => parseUntrustedJson('{"a":')).toThrow(expect.objectContaining({ reason: "syntax" }));
    expect(parseUntrustedJson('{"userName":"Zoë 😀","n":[1,{"b":null}]}')).toEqual({ userName: "Zoë 😀", n: [1, { b: null }] });
  });

  it("keeps a stored resource's own __proto__ key (from jsonb) an own key when mapping it", () => {
    const stored = storedResource(parsed('{"userName":"a@x.example","__proto__":{"title":"Injected"}}'));
    expect(userColumns(stored, null).jobTitle).toBeNull();
    expect(({} as Record<string, unknown>).title).toBeUndefined();
  });

  it("refuses prototype names in filters", () => {
    for (const filter of ['constructor eq "x"', "name.__proto__ pr", `emails[prototype eq "x"]`, `${enterprise}:constructor eq "x"`]) {
      expect(() => parseFilter(filter)).toThrow(ScimError);
    }
  });
});
