// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../../support/signed-in";
import { readdirSync } from "node:fs";
import { join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { z } from "zod";
import { actionInput } from "@/lib/actions/action-input";
import type { ActionState } from "@/lib/actions/action-state";
import { formFieldMaxLength } from "@/lib/actions/read-form-fields";
import type { Actor, CustomerActor } from "@/lib/actor";
import { createManager } from "@/lib/managers/create-manager";
import { createScimToken } from "@/lib/scim/tokens";
import { createCredential } from "@/lib/directory-credentials/credentials";
import { textProblem } from "@/lib/text/text-problem";
import { createCustomerWithManager, createOperator, createTestEntry, createTestUser, testPassword } from "../../support/factories";
import { scimRequest } from "../../support/scim-client";
import { snapshotDatabase } from "./database-snapshot";
import { hostileSyntax, leaksIn, sweptValues, type HostileValue } from "./hostile-values";

/**
 * The fuzz test of issue 12: every server action (app/**\/actions.ts) and
 * every route handler (app/api/**\/route.ts), found on disk so a new one is
 * covered without being listed, gets the fixed table of hostile values in
 * every field and parameter, as a manager, an operator and a user of one
 * customer, and with another customer's IDs. Nothing may answer 5xx or throw,
 * no answer may carry a stack, a path, SQL or a statement's parameters, and
 * no row of any table may change.
 */

const root = fileURLToPath(new URL("../../../", import.meta.url));
const appFiles = (readdirSync(join(root, "app"), { recursive: true }) as string[]).map((f) => `app/${f.split(sep).join("/")}`).sort();
const actionFiles = appFiles.filter((f) => f.endsWith("/actions.ts"));
const routeFiles = appFiles.filter((f) => f.startsWith("app/api/") && f.endsWith("/route.ts"));
const pageFiles = appFiles.filter((f) => f.startsWith("app/(portal)/") && f.endsWith("/page.tsx"));
const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type ActionFn = (prev: ActionState, formData: FormData) => Promise<ActionState>;
type RouteFn = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

// Refused by every action whatever its fields (defineAction's own guard), so safe to put in a field no schema reads.
const refusedAnywhere = (h: HostileValue) => h.value.length > formFieldMaxLength || textProblem(h.value, { multiline: true }) !== null;
const notAnId = "00000000-0000-4000-8000-00000000dead";

/** A value each field takes, so a call with one hostile field is refused for that field alone. By name; unknown fields get plain text. */
function plausible(field: string, id: string): string {
  const values: Record<string, string> = {
    id,
    name: "Plausible Name",
    email: "plausible@example.com",
    extension: "7001",
    aadLink: "unchanged",
    localPart: "plausible",
    password: "plausible-password-1",
    slug: "plausible-co",
    timeZone: "Europe/Berlin",
    managerLocalPart: "boss",
    managerEmail: "boss@example.com",
    managerPassword: "plausible-password-1",
    currentPassword: testPassword,
    newPassword: "plausible-password-2",
    confirmPassword: "plausible-password-2",
    officePhone: "+1 555 0100",
    mobilePhone: "+1 555 0101",
    tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47",
    clientId: "72f988bf-86f1-41af-91ab-2d7cd011db48",
    usage: "use",
    period: "daily",
    weekday: "",
    runHour: "3",
    runMinute: "0",
    runSecond: "0",
    removalThresholdPercent: "10",
    url: "ldaps://dc1.example.com:636",
    baseDn: "DC=example,DC=com",
    usernameAttribute: "sAMAccountName",
    company: "plausible-co",
    username: "bob",
  };
  return values[field] ?? "";
}

/** The field names of an action's zod input (through refinements and transforms). */
function fieldsOf(schema: z.ZodType | undefined): string[] {
  let s = schema as unknown as { _zod: { def: { type: string; in?: unknown; shape?: Record<string, unknown>; innerType?: unknown } } } | undefined;
  for (let i = 0; s && i < 10; i++) {
    const def = s._zod.def;
    if (def.type === "object") return Object.keys(def.shape ?? {});
    s = (def.in ?? def.innerType) as typeof s;
  }
  return [];
}

const hostileValues = sweptValues(inject("databaseKind"));
// The manager reaches every field, so gets the whole table; operator and user are refused earlier (permission,
// no customer) and get the first few values, enough to show their refusal is no 5xx either. Keeps the run near a minute.
const valuesFor = (role: string) => (role === "manager" ? hostileValues : hostileValues.slice(0, 4));

/** Next's own control flow, not a failure: notFound() (the 404 page) and redirect(). */
const isNextControlFlow = (error: unknown) => /^NEXT_(HTTP_ERROR_FALLBACK;40[134]|REDIRECT;)/.test(String((error as { digest?: unknown })?.digest ?? ""));

/**
 * Runs a page's server components as Next.js would before rendering: the page
 * itself, then every async component in the tree it returns (they load the
 * data), leaving client components alone. Returns the text of the tree.
 */
async function renderServerTree(node: unknown): Promise<string> {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return (await Promise.all(node.map(renderServerTree))).join("");
  if (node instanceof Promise) return renderServerTree(await node);
  const element = node as { type?: unknown; props?: { children?: unknown } & Record<string, unknown> };
  if (typeof element.type === "function" && element.type.constructor.name === "AsyncFunction") {
    return renderServerTree(await (element.type as (props: unknown) => Promise<unknown>)(element.props));
  }
  const props = element.props ?? {};
  const texts = await Promise.all(
    Object.values(props)
      .filter((v) => typeof v === "string" || (v && typeof v === "object"))
      .map(renderServerTree),
  );
  return texts.join("");
}

function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after })
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
}

// Each sweep grows with the portal (every action, page and route, times every hostile value), and on the embedded
// database beside the browser tests it takes minutes, not the minute an ordinary test is given.
const sweepTimeoutMs = 300_000;

describe("hostile input at every boundary", () => {
  let a: CustomerActor & { slug: string };
  let actors: [string, Actor][];
  let otherIds: string[];
  let scimToken: string;
  let callerIdKey: string;
  // The customer's own SCIM user and group: a PATCH or PUT reaches its body only for an ID that exists.
  let ownScimIds: { user: string; group: string };
  // One line per distinct finding: the same one as manager, operator and user is said once.
  const failures: string[] = [];
  const fail = (where: string, what: string) => {
    const line = `${where.replace(/ as (manager|operator|user),/, ",")}: ${what}`;
    if (failures.length < 100 && !failures.includes(line)) failures.push(line);
  };

  beforeAll(async () => {
    const operator = await createOperator();
    a = await createCustomerWithManager(operator);
    const b = await createCustomerWithManager(operator);
    const aUser = await createTestUser(a, { extension: "5001" });
    await createTestEntry(a, "Entry Of A");
    const bUser = await createTestUser(b, { extension: "5001" });
    const bManager = await createManager(b, { localPart: "second", name: "Second", email: null, password: testPassword });
    const bEntry = await createTestEntry(b, "Entry Of B");
    const bToken = await createScimToken(b, "B's token");
    scimToken = (await createScimToken(a, "Fuzz")).token;
    callerIdKey = (await createCredential(a, "caller_id")).secret;
    const scimUser = await scimRequest(scimToken, "POST", "/Users", { userName: "own.user@a.example", name: { givenName: "Own", familyName: "User" } });
    const scimGroup = await scimRequest(scimToken, "POST", "/Groups", { displayName: "Own group", members: [{ value: scimUser.body!.id }] });
    ownScimIds = { user: scimUser.body!.id as string, group: scimGroup.body!.id as string };
    actors = [
      ["manager", a],
      ["operator", operator],
      ["user", { accountId: aUser.id, role: "user", customerId: a.customerId, portalId: aUser.portalId, name: "Test User" }],
    ];
    otherIds = [bUser.id, bManager.id, bEntry.id, bToken.id, notAnId];
  });

  function checkState(where: string, state: unknown) {
    const s = state as ActionState | undefined;
    if (!s || typeof s !== "object") return fail(where, `returned ${String(state)}`);
    if (s.status === "success") return fail(where, `accepted it: ${s.message ?? ""}`);
    if (s.status === "error" && s.message === "Something went wrong. Please try again.")
      return fail(where, "failed unexpectedly (a 500 in all but name; see the log)");
    const text = JSON.stringify(s);
    for (const leak of leaksIn(text)) fail(where, `answer shows ${leak}: ${text.slice(0, 300)}`);
  }

  it("finds the actions and route handlers to test", () => {
    expect(actionFiles).toContain("app/(portal)/users/actions.ts");
    expect(routeFiles).toContain("app/api/entra/link-candidates/route.ts");
    expect(routeFiles.some((f) => f.startsWith("app/api/scim/"))).toBe(true);
  });

  it(
    "every server action refuses every hostile value in every field, and nothing changes",
    async () => {
      failures.length = 0;
      const before = await snapshotDatabase();
      let calls = 0;
      let pastTheSession = 0;
      for (const file of actionFiles) {
        const exported = (await import(join(root, file))) as Record<string, unknown>;
        for (const [exportName, action] of Object.entries(exported)) {
          if (typeof action !== "function") continue;
          const fields = fieldsOf(actionInput.of(action));
          const call = async (where: string, actor: Actor, values: Record<string, string>) => {
            calls++;
            try {
              const state = await runAs(actor, () => (action as ActionFn)({ status: "idle" }, form(values)));
              if (state?.status === "error" && state.message !== "Your session has ended. Please sign in again.") pastTheSession++;
              checkState(where, state);
            } catch (error) {
              fail(where, `threw ${(error as Error)?.message?.slice(0, 200)}`);
            }
          };
          for (const [role, actor] of actors) {
            for (const hostile of hostileValues.filter((h) => !h.notInForms)) {
              const where = `${file} ${exportName} as ${role}, ${hostile.name}`;
              // Every field hostile at once; a field no schema reads only gets what every action refuses.
              const all: Record<string, string> = Object.fromEntries(fields.map((f) => [f, hostile.value]));
              if (refusedAnywhere(hostile)) all.unreadField = hostile.value;
              if (Object.keys(all).length > 0) await call(`${where} in every field`, actor, all);
              if (role !== "manager") continue;
              // One field hostile, the others plausible, with another customer's ID where an ID is asked for.
              for (const field of fields) {
                if (hostile.huge && field !== fields[0]) continue;
                const values = Object.fromEntries(fields.map((f) => [f, plausible(f, otherIds[0]!)]));
                await call(`${where} in ${field}`, actor, { ...values, [field]: hostile.value });
              }
            }
          }
          // Another customer's IDs (and an ID that is no one's) with every other field plausible.
          if (fields.includes("id")) {
            for (const id of otherIds) {
              const values = Object.fromEntries(fields.map((f) => [f, plausible(f, id)]));
              await call(`${file} ${exportName} as manager, another customer's ID ${id}`, a, values);
            }
          }
        }
      }
      expect({ failures, changed: changedTables(before, await snapshotDatabase()) }).toEqual({ failures: [], changed: [] });
      expect(calls).toBeGreaterThan(500);
      expect(pastTheSession).toBeGreaterThan(calls / 2); // the session really was resolved: most refusals are about the input
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    sweepTimeoutMs,
  );

  it(
    "every portal page takes hostile query strings and path segments without failing, and says what it left out of a search",
    async () => {
      failures.length = 0;
      const before = await snapshotDatabase();
      let pages = 0;
      let notices = 0;
      for (const file of pageFiles) {
        const Page = ((await import(join(root, file))) as { default: (props: unknown) => Promise<unknown> }).default;
        const hasId = file.includes("[id]");
        const render = async (where: string, actor: Actor, id: string, searchParams: Record<string, string>) => {
          pages++;
          try {
            const text = await runAs(actor, async () =>
              renderServerTree(await Page({ params: Promise.resolve({ id }), searchParams: Promise.resolve(searchParams) })),
            );
            if (text.includes("were left out")) notices++;
            for (const leak of leaksIn(text)) fail(where, `page shows ${leak}`);
          } catch (error) {
            if (!isNextControlFlow(error)) fail(where, `failed (a 500 page): ${(error as Error)?.message?.slice(0, 200)}`);
          }
        };
        for (const [role, actor] of actors) {
          for (const hostile of valuesFor(role)) {
            const where = `${file} as ${role}, ${hostile.name}`;
            await render(`${where} in ?q, ?page, ?kind`, actor, otherIds[0]!, { q: hostile.value, page: hostile.value, kind: hostile.value });
            if (!hostile.huge) await render(`${where} as a parameter name`, actor, otherIds[0]!, { [hostile.value]: "1" });
            if (hasId) await render(`${where} in the path`, actor, hostile.value, {});
          }
          for (const syntax of role === "manager" ? hostileSyntax : [])
            await render(`${file} as ${role}, ${JSON.stringify(syntax)} in ?q, ?page, ?kind`, actor, otherIds[0]!, { q: syntax, page: syntax, kind: syntax });
          if (hasId) for (const other of otherIds) await render(`${file} as ${role}, another customer's ID ${other}`, actor, other, {});
        }
      }
      expect({ failures, changed: changedTables(before, await snapshotDatabase()) }).toEqual({ failures: [], changed: [] });
      expect(pages).toBeGreaterThan(300);
      expect(notices).toBeGreaterThan(0); // the users and directory pages said they cleaned the search
    },
    sweepTimeoutMs,
  );

  /** The path parameters of a route file: [id] is one segment, [...name] a list of them. */
  function paramNames(file: string): { name: string; catchAll: boolean }[] {
    return [...file.matchAll(/\[(\.\.\.)?([^\]]+)\]/g)].map((m) => ({ name: m[2]!, catchAll: Boolean(m[1]) }));
  }

  function urlOf(file: string, query: [string, string][]): string {
    const path = file.replace(/^app/, "").replace(/\/route\.ts$/, "");
    const search = new URLSearchParams(query).toString();
    return `http://localhost:3000${path}${search ? `?${search}` : ""}`;
  }

  /** JSON bodies for POST, PUT and PATCH: each hostile value in the places SCIM and any JSON route read, and hostile shapes. */
  function hostileBodies(): [string, string][] {
    const patchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    const user = "urn:ietf:params:scim:schemas:core:2.0:User";
    const bodies: [string, string][] = [
      ["not JSON", "{"],
      ["arrays 5,000 deep", "[".repeat(5000) + "]".repeat(5000)],
      [
        "a PATCH value 5,000 deep",
        JSON.stringify({ schemas: [patchOp], Operations: [{ op: "add", value: JSON.parse('{"a":'.repeat(4000) + "1" + "}".repeat(4000)) }] }),
      ],
      [
        "a PATCH path 5,000 deep",
        JSON.stringify({ schemas: [patchOp], Operations: [{ op: "add", path: Array.from({ length: 5000 }, () => "a").join("."), value: "x" }] }),
      ],
      ["__proto__ key", '{"schemas":["' + user + '"],"userName":"proto-user","__proto__":{"polluted":"yes"}}'],
      ["__proto__ path", JSON.stringify({ schemas: [patchOp], Operations: [{ op: "add", path: "__proto__.polluted", value: "yes" }] })],
      ["constructor.prototype value", JSON.stringify({ schemas: [patchOp], Operations: [{ op: "add", value: { "constructor.prototype.polluted": "yes" } }] })],
    ];
    for (const h of hostileValues) {
      bodies.push([
        `${h.name} in a user`,
        JSON.stringify({
          schemas: [user],
          userName: h.value,
          displayName: h.value,
          externalId: h.value,
          name: { givenName: h.value },
          emails: [{ value: h.value, type: "work" }],
        }),
      ]);
      if (h.huge) continue;
      bodies.push([
        `${h.name} in a PATCH`,
        JSON.stringify({
          schemas: [patchOp],
          Operations: [
            { op: "replace", path: "displayName", value: h.value },
            { op: "add", value: { title: h.value } },
          ],
        }),
      ]);
      bodies.push([
        `${h.name} in a group`,
        JSON.stringify({ schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: h.value, members: [{ value: h.value }] }),
      ]);
    }
    return bodies;
  }

  // The parameters a route reads: the portal's lists, SCIM's (RFC 7644 §3.4.2), and caller-ID's number.
  const queryNamesOf = (file: string) =>
    file.startsWith("app/api/v1/")
      ? ["number"]
      : !file.includes("/scim/")
        ? ["q", "page", "kind"]
        : file.includes("[id]")
          ? ["attributes", "excludedAttributes"]
          : ["filter", "startIndex", "count", "attributes", "excludedAttributes"];
  /** Routes a PBX or an identity provider calls with a key of the customer's rather than a session. */
  const keyedRoute = (file: string) => file.startsWith("app/api/scim/") || file.startsWith("app/api/v1/");

  async function throwAtRoutes(files: string[], as: (actor: Actor, call: () => Promise<Response>) => Promise<Response>, headers: Record<string, string>) {
    let calls = 0;
    for (const file of files) {
      const exported = (await import(join(root, file))) as Record<string, unknown>;
      const params = paramNames(file);
      const queryNames = queryNamesOf(file);
      for (const method of httpMethods) {
        const handler = exported[method] as RouteFn | undefined;
        if (typeof handler !== "function") continue;
        const send = async (where: string, actor: Actor, paramValue: string, query: [string, string][], body?: string) => {
          calls++;
          const pathParams = Object.fromEntries(params.map((p) => [p.name, p.catchAll ? ["callback", paramValue] : paramValue]));
          try {
            const request = new NextRequest(urlOf(file, query), {
              method,
              headers: body === undefined ? headers : { ...headers, "content-type": file.includes("/scim/") ? "application/scim+json" : "application/json" },
              body,
            });
            const response = await as(actor, () => handler(request, { params: Promise.resolve(pathParams) }));
            const text = await response.text();
            if (response.status >= 500) fail(where, `answered ${response.status}: ${text.slice(0, 300)}`);
            for (const leak of leaksIn(text)) fail(where, `answer shows ${leak}: ${text.slice(0, 300)}`);
          } catch (error) {
            fail(where, `threw ${(error as Error)?.message?.slice(0, 200)}`);
          }
        };
        for (const [role, actor] of actors) {
          const where = (what: string) => `${method} ${file} as ${role}, ${what}`;
          const id = otherIds[0]!;
          for (const hostile of valuesFor(role)) {
            for (const name of hostile.huge ? queryNames.slice(0, 1) : queryNames)
              await send(where(`${hostile.name} in ?${name}`), actor, id, [[name, hostile.value]]);
            if (!hostile.huge) await send(where(`${hostile.name} as a parameter name`), actor, id, [[hostile.value, "1"]]);
            if (params.length > 0) await send(where(`${hostile.name} in the path`), actor, hostile.value, []);
          }
          if (method === "GET" && params.length === 0 && role === "manager") {
            for (const syntax of hostileSyntax) {
              for (const name of queryNames) await send(where(`${JSON.stringify(syntax)} in ?${name}`), actor, id, [[name, syntax]]);
            }
          }
          if (params.length > 0) for (const other of otherIds) await send(where(`another customer's ID ${other}`), actor, other, []);
          if (method !== "GET" && method !== "DELETE" && role === "manager") {
            // To an ID of the caller's own where the route has one (it must still change nothing), else to another customer's.
            const own = file.includes("/Users/[id]") ? ownScimIds.user : file.includes("/Groups/[id]") ? ownScimIds.group : id;
            for (const [what, body] of hostileBodies()) await send(where(`body with ${what}`), actor, own, [], body);
          }
          if (keyedRoute(file)) break; // the key is the caller there: one pass is enough
        }
      }
    }
    return calls;
  }

  it(
    "every route handler outside SCIM answers hostile input with a 4xx or an ordinary answer, and nothing changes",
    async () => {
      failures.length = 0;
      const before = await snapshotDatabase();
      const calls = await throwAtRoutes(
        routeFiles.filter((f) => !keyedRoute(f)),
        (actor, call) => runAs(actor, call),
        {},
      );
      expect({ failures, changed: changedTables(before, await snapshotDatabase()) }).toEqual({ failures: [], changed: [] });
      expect(calls).toBeGreaterThan(300);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    sweepTimeoutMs,
  );

  it(
    "every SCIM route handler answers hostile input with a 4xx, and nothing changes but the request log",
    async () => {
      failures.length = 0;
      const ignore = { scim_requests: ["*"], scim_tokens: ["last_used_at"] };
      const before = await snapshotDatabase(ignore);
      const calls = await throwAtRoutes(
        routeFiles.filter((f) => f.startsWith("app/api/scim/")),
        (_actor, call) => call(),
        { authorization: `Bearer ${scimToken}` },
      );
      expect({ failures, changed: changedTables(before, await snapshotDatabase(ignore)) }).toEqual({ failures: [], changed: [] });
      expect(calls).toBeGreaterThan(300);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
    sweepTimeoutMs,
  );

  it(
    "every API-key route (caller ID) answers hostile input with a 4xx or an ordinary answer, and nothing changes but the key's use",
    async () => {
      failures.length = 0;
      // The key's uses (its last, and its rate window's count) count each request.
      const ignore = { directory_credential_uses: ["*"] };
      const before = await snapshotDatabase(ignore);
      const files = routeFiles.filter((f) => f.startsWith("app/api/v1/"));
      expect(files).toContain("app/api/v1/caller-id/route.ts");
      const calls = await throwAtRoutes(files, (_actor, call) => call(), { authorization: `Bearer ${callerIdKey}` });
      expect({ failures, changed: changedTables(before, await snapshotDatabase(ignore)) }).toEqual({ failures: [], changed: [] });
      expect(calls).toBeGreaterThan(30);
    },
    sweepTimeoutMs,
  );
});
