import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, scimGroupMembers, scimGroups } from "@/db/schema";
import { createScimToken } from "@/lib/scim/tokens";
import { createCustomerWithManager } from "../../support/factories";
import { scimRequest } from "../../support/scim-client";

type Manager = Awaited<ReturnType<typeof createCustomerWithManager>>;

const enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const patchOp = (...Operations: unknown[]) => ({ schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations });

/** Everything a customer's SCIM writes touch, to prove a refused request changed nothing. */
async function snapshot(customerId: string) {
  const entries = await db().select().from(directoryEntries).where(eq(directoryEntries.customerId, customerId)).orderBy(directoryEntries.id);
  const groups = await db().select().from(scimGroups).where(eq(scimGroups.customerId, customerId)).orderBy(scimGroups.id);
  const members = groups.length
    ? await db().select().from(scimGroupMembers).innerJoin(scimGroups, eq(scimGroups.id, scimGroupMembers.groupId)).where(eq(scimGroups.customerId, customerId))
    : [];
  return {
    entries,
    groups,
    members: members.map((m) => m.scim_group_members).sort((x, y) => `${x.groupId}${x.entryId}`.localeCompare(`${y.groupId}${y.entryId}`)),
  };
}

/** No SQL text, stack frame or parameter in an answer. */
function expectNoLeak(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(
    /\bat [\w.<>]+ \(|\.ts:\d+|node_modules|\b(select|insert|update|delete) .*\b(from|into|set)\b|invalid byte sequence|PostgresError|parameters/i,
  );
}

describe("SCIM under hostile input", () => {
  let a: Manager;
  let b: Manager;
  let tokenA: string;
  let tokenB: string;
  let userId: string;
  let groupId: string;

  beforeAll(async () => {
    [a, b] = [await createCustomerWithManager(), await createCustomerWithManager()];
    tokenA = (await createScimToken(a, "A")).token;
    tokenB = (await createScimToken(b, "B")).token;
    userId = (
      await scimRequest(tokenA, "POST", "/Users", {
        userName: "hostile@a.example",
        name: { givenName: "Hos", familyName: "Tile" },
        emails: [{ type: "work", value: "hostile@a.example" }],
      })
    ).body!.id;
    groupId = (await scimRequest(tokenA, "POST", "/Groups", { displayName: "Target", members: [{ value: userId }] })).body!.id;
  });

  it("refuses the reported attack and every other prototype shape; another company's next user is untouched", async () => {
    const before = await snapshot(a.customerId);
    const bodies: unknown[] = [
      patchOp({ op: "add", path: "__proto__.polluted", value: "yes" }),
      patchOp({ op: "add", path: "__proto__.title", value: "Injected" }),
      patchOp({ op: "add", path: "__proto__.refusal", value: "disabled" }),
      patchOp({ op: "replace", path: "constructor.prototype.title", value: "Injected" }),
      patchOp({ op: "replace", value: { "__proto__.title": "Injected" } }),
      `{"Operations":[{"op":"replace","value":{"__proto__":{"title":"Injected"}}}]}`,
      `{"Operations":[{"op":"add","value":{"${enterprise}":{"__proto__":{"department":"Injected"}}}}]}`,
      patchOp({ op: "add", path: `${enterprise}:constructor.prototype.department`, value: "Injected" }),
      patchOp({ op: "add", path: 'emails[type eq "work"].__proto__', value: { title: "Injected" } }),
      `{"Operations":[{"op":"add","path":"emails[type eq \\"work\\"]","value":{"__proto__":{"title":"Injected"}}}]}`,
    ];
    for (const body of bodies) {
      for (const path of [`/Users/${userId}`, `/Groups/${groupId}`]) {
        const response = await scimRequest(tokenA, "PATCH", path, body);
        expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
        expect(response.body).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "400" });
        expectNoLeak(response.body);
      }
    }
    for (const body of [
      `{"userName":"p@a.example","__proto__":{"title":"Injected"}}`,
      `{"userName":"p@a.example","name":{"constructor":{"prototype":{"title":"x"}}}}`,
    ]) {
      expect((await scimRequest(tokenA, "POST", "/Users", body)).status).toBe(400);
      expect((await scimRequest(tokenA, "PUT", `/Users/${userId}`, body)).status).toBe(400);
      expect((await scimRequest(tokenA, "POST", "/Groups", body.replace("userName", "displayName"))).status).toBe(400);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expect(await snapshot(a.customerId)).toEqual(before);
    // What the pollution did to another company: its next pushed user carried the title.
    const other = await scimRequest(tokenB, "POST", "/Users", { userName: "clean@b.example" });
    expect(other.status).toBe(201);
    expect(other.body!.title).toBeUndefined();
    const [entry] = await db()
      .select()
      .from(directoryEntries)
      .where(and(eq(directoryEntries.customerId, b.customerId), eq(directoryEntries.id, other.body!.id)));
    expect(entry!.jobTitle).toBeNull();
  });

  const deep = (levels: number) => `{"userName":"deep@a.example","x":${"[".repeat(levels)}${"]".repeat(levels)}}`;
  const hostileRequests: [string, string, string, unknown, number, string?][] = [
    ["NUL in userName", "POST", "/Users", { userName: "nul\u0000@a.example" }, 400, "invalidValue"],
    ["NUL in displayName", "POST", "/Users", { userName: "nul2@a.example", displayName: "Nul\u0000Name" }, 400, "invalidValue"],
    ["a lone surrogate in displayName", "POST", "/Users", { userName: "sur@a.example", displayName: "Bad \ud800 name" }, 400, "invalidValue"],
    ["terminal escapes in displayName", "POST", "/Users", { userName: "esc@a.example", displayName: "\u001b[2J\u001b[31mred\u0007" }, 400, "invalidValue"],
    ["a lone surrogate in a key", "POST", "/Users", `{"userName":"sur2@a.example","\\udc00":1}`, 400, "invalidValue"],
    ["a 900,000-character € displayName", "POST", "/Users", { userName: "euro@a.example", displayName: "€".repeat(900_000) }, 413],
    ["a 300-character displayName", "POST", "/Users", { userName: "long@a.example", displayName: "x".repeat(300) }, 400, "invalidValue"],
    ["a 10,000-character userName", "POST", "/Users", { userName: `${"u".repeat(10_000)}@a.example` }, 400, "invalidValue"],
    ["JSON nested 5,000 deep", "POST", "/Users", deep(5000), 400, "invalidSyntax"],
    ['active "maybe" on POST', "POST", "/Users", { userName: "maybe@a.example", active: "maybe" }, 400, "invalidValue"],
    ["active as a number on POST", "POST", "/Users", { userName: "num@a.example", active: 1 }, 400, "invalidValue"],
    ["a group name with NUL", "POST", "/Groups", { displayName: "G\u0000" }, 400, "invalidValue"],
    ["a 10,000-character group name", "POST", "/Groups", { displayName: "g".repeat(10_000) }, 400, "invalidValue"],
    ["a member that is an object of objects", "POST", "/Groups", { displayName: "G", members: [{ value: { nested: true } }] }, 400, "invalidValue"],
  ];

  it.each(hostileRequests)("refuses %s with a clear 4xx and writes nothing", async (_name, method, path, body, status, scimType) => {
    const before = await snapshot(a.customerId);
    const response = await scimRequest(tokenA, method, path, body);
    expect(response.status).toBe(status);
    if (scimType) expect(response.body).toMatchObject({ scimType });
    expect(response.body!.detail).toEqual(expect.any(String));
    expectNoLeak(response.body);
    expect(await snapshot(a.customerId)).toEqual(before);
  });

  // Each refused on a user and on a group, except what only a user has (`active`).
  const hostilePatches: [string, unknown, string, ("Users" | "Groups")[]?][] = [
    ["a path with an unclosed bracket", patchOp({ op: "add", path: 'emails[type eq "work"', value: "x@a.example" }), "invalidPath"],
    ["a dotted path 5,000 names long", patchOp({ op: "add", path: Array.from({ length: 5000 }, () => "a").join("."), value: "x" }), "invalidPath"],
    ["a replace of id", patchOp({ op: "replace", path: "id", value: "00000000-0000-4000-8000-000000000000" }), "mutability"],
    ["a path-less replace of id", patchOp({ op: "replace", value: { id: "00000000-0000-4000-8000-000000000000" } }), "mutability"],
    ["a remove of meta", patchOp({ op: "remove", path: "meta" }), "mutability"],
    ['a value "maybe" for active', patchOp({ op: "replace", path: "active", value: "maybe" }), "invalidValue", ["Users"]],
    ["a NUL in a value", patchOp({ op: "replace", path: "displayName", value: "a\u0000b" }), "invalidValue"],
    ["a path with NUL", patchOp({ op: "replace", path: "display\u0000Name", value: "x" }), "invalidValue"],
    [
      "a value path 5,000 filters deep",
      patchOp({ op: "replace", path: `emails[${"(".repeat(5000)}type eq "work"${")".repeat(5000)}].value`, value: "x" }),
      "invalidFilter",
    ],
    ["a value nested 5,000 deep", `{"Operations":[{"op":"replace","path":"title","value":${"[".repeat(5000)}${"]".repeat(5000)}}]}`, "invalidSyntax"],
    ["a path that is not a string", patchOp({ op: "replace", path: { a: 1 }, value: "x" }), "invalidSyntax"],
    ["a filter escape that is not JSON", patchOp({ op: "replace", path: 'emails[type eq "\\x"].value', value: "x" }), "invalidFilter"],
    ["a value path given a string value", patchOp({ op: "add", path: 'emails[type eq "home"]', value: "not an object" }), "invalidValue"],
  ];

  it.each(hostilePatches)("refuses a PATCH with %s and changes nothing", async (_name, body, scimType, resources = ["Users", "Groups"]) => {
    const before = await snapshot(a.customerId);
    for (const path of resources.map((r) => (r === "Users" ? `/Users/${userId}` : `/Groups/${groupId}`))) {
      const response = await scimRequest(tokenA, "PATCH", path, body);
      expect(response.status, path).toBe(400);
      expect(response.body).toMatchObject({ scimType });
      expectNoLeak(response.body);
    }
    expect(await snapshot(a.customerId)).toEqual(before);
  });

  const hostileQueries: [string, string, number][] = [
    ["NUL in a filter value", `/Users?filter=${encodeURIComponent('userName eq "a\u0000"')}`, 400],
    ["NUL spelled as an escape", `/Users?filter=${encodeURIComponent('userName eq "a\\u0000"')}`, 400],
    ["a lone surrogate spelled as an escape", `/Users?filter=${encodeURIComponent('displayName co "\\ud800"')}`, 400],
    ["the escape \\x", `/Users?filter=${encodeURIComponent('userName eq "\\x"')}`, 400],
    ["the escape \\u12", `/Users?filter=${encodeURIComponent('userName eq "\\u12"')}`, 400],
    ["parentheses 5,000 deep", `/Users?filter=${encodeURIComponent(`${"(".repeat(5000)}userName pr${")".repeat(5000)}`)}`, 400],
    ["a 10,000-character filter", `/Users?filter=${encodeURIComponent(`userName eq "${"a".repeat(10_000)}"`)}`, 400],
    ["a prototype attribute", `/Groups?filter=${encodeURIComponent("constructor.prototype pr")}`, 400],
    ["startIndex 99999999999999999999", "/Users?startIndex=99999999999999999999", 200],
    ["startIndex 99999999999999999999 with an unindexed filter", `/Users?startIndex=99999999999999999999&filter=${encodeURIComponent("title pr")}`, 200],
    ["startIndex 99999999999999999999 on groups", "/Groups?startIndex=99999999999999999999", 200],
    ["count -5 and startIndex -3", "/Users?count=-5&startIndex=-3", 200],
    ["a NUL in an id", `/Users/${encodeURIComponent("a\u0000b")}`, 404],
    ["a NUL in attributes", `/Users?attributes=${encodeURIComponent("userName\u0000")}`, 200],
  ];

  it.each(hostileQueries)("answers %s without a 5xx or a leak", async (_name, path, status) => {
    const response = await scimRequest(tokenA, "GET", path);
    expect(response.status).toBe(status);
    expectNoLeak(response.body);
    if (status === 200 && path.includes("startIndex=9999")) expect(response.body).toMatchObject({ Resources: [], itemsPerPage: 0 });
  });
});

describe("SCIM filters no index serves", () => {
  it("are answered a batch at a time, in the listing's order, with exact totals and pages", async () => {
    const manager = await createCustomerWithManager();
    const token = (await createScimToken(manager, "scan")).token;
    // 1,100 users, more than two scan batches, every other one in Sales; one statement, as a sync writes.
    const rows = Array.from({ length: 1100 }, (_, i) => {
      const userName = `u${String(i).padStart(4, "0")}@scan.example`;
      const title = i % 2 === 0 ? "Sales Rep" : "Engineer";
      return {
        customerId: manager.customerId,
        source: "scim" as const,
        userPrincipalName: userName,
        displayName: userName,
        jobTitle: title,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i % 7)),
        scimResource: { userName, title },
      };
    });
    await db().insert(directoryEntries).values(rows);
    const all = await scimRequest(token, "GET", "/Users?count=500&startIndex=1");
    expect(all.body!.totalResults).toBe(1100);
    const inOrder: string[] = [];
    for (let start = 1; start <= 1100; start += 500)
      inOrder.push(...(await scimRequest(token, "GET", `/Users?count=500&startIndex=${start}`)).body!.Resources.map((r: { userName: string }) => r.userName));
    const sales = inOrder.filter((name) => Number(name.slice(1, 5)) % 2 === 0);
    const page = await scimRequest(token, "GET", `/Users?filter=${encodeURIComponent('title co "sales"')}&startIndex=490&count=30`);
    expect(page.body).toMatchObject({ totalResults: 550, startIndex: 490, itemsPerPage: 30 });
    expect(page.body!.Resources.map((r: { userName: string }) => r.userName)).toEqual(sales.slice(489, 519));
    const last = await scimRequest(token, "GET", `/Users?filter=${encodeURIComponent('not (title co "sales")')}&startIndex=540&count=30`);
    expect(last.body).toMatchObject({ totalResults: 550, itemsPerPage: 11 });
  });
});
