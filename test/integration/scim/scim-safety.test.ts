import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, scimRequests, scimTokens } from "@/db/schema";
import { searchDirectory } from "@/lib/directory/search-directory";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { resolveMicrosoftLogin } from "@/lib/microsoft-sign-in/resolve-microsoft-login";
import { createScimToken, revokeScimToken } from "@/lib/scim/tokens";
import { createCustomerWithManager } from "../../support/factories";
import { scimRequest } from "../../support/scim-client";
import { configureSync, createTenant, emulatorAdmin } from "../../support/sync-fixture";

type Manager = Awaited<ReturnType<typeof createCustomerWithManager>>;

const scimEntries = (customerId: string) =>
  db()
    .select()
    .from(directoryEntries)
    .where(and(eq(directoryEntries.customerId, customerId), eq(directoryEntries.source, "scim")));

describe("SCIM tokens, isolation and errors", () => {
  let a: Manager;
  let b: Manager;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    [a, b] = [await createCustomerWithManager(), await createCustomerWithManager()];
    tokenA = (await createScimToken(a, "A")).token;
    tokenB = (await createScimToken(b, "B")).token;
  });

  it("keeps only a hash of the token, and answers a missing or wrong one with 401 in SCIM's shape", async () => {
    const [stored] = await db().select().from(scimTokens).where(eq(scimTokens.customerId, a.customerId));
    expect(stored!.tokenHash).not.toContain(tokenA);
    expect(stored!.hint).toBe(tokenA.slice(-4));
    for (const token of [null, "not-a-token", `${tokenA}x`]) {
      const response = await scimRequest(token, "GET", "/Users");
      expect(response).toMatchObject({ status: 401, body: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" } });
    }
  });

  it("never lets one customer's token reach another customer's users or groups", async () => {
    const user = await scimRequest(tokenA, "POST", "/Users", { userName: "alice@a.example", name: { givenName: "Alice", familyName: "A" } });
    const group = await scimRequest(tokenA, "POST", "/Groups", { displayName: "A team", members: [{ value: user.body!.id }] });
    expect((await scimRequest(tokenB, "GET", `/Users/${user.body!.id}`)).status).toBe(404);
    expect((await scimRequest(tokenB, "GET", `/Groups/${group.body!.id}`)).status).toBe(404);
    expect((await scimRequest(tokenB, "PATCH", `/Users/${user.body!.id}`, { Operations: [{ op: "replace", path: "active", value: false }] })).status).toBe(404);
    expect((await scimRequest(tokenB, "DELETE", `/Users/${user.body!.id}`)).status).toBe(404);
    expect((await scimRequest(tokenB, "GET", '/Users?filter=userName eq "alice@a.example"')).body!.totalResults).toBe(0);
    // B cannot make A's user a member of its group either.
    expect((await scimRequest(tokenB, "POST", "/Groups", { displayName: "B team", members: [{ value: user.body!.id }] })).status).toBe(400);
    // The same userName may exist in both customers.
    expect((await scimRequest(tokenB, "POST", "/Users", { userName: "alice@a.example" })).status).toBe(201);
    expect((await scimRequest(tokenA, "GET", `/Users/${user.body!.id}`)).body!.active).toBe(true);
  });

  it("never keeps nor returns a password Entra sends, whether created, replaced or patched", async () => {
    const created = await scimRequest(tokenA, "POST", "/Users", { userName: "pat@a.example", password: "Created-Secret-1" });
    const id = created.body!.id as string;
    await scimRequest(tokenA, "PUT", `/Users/${id}`, { userName: "pat@a.example", Password: "Replaced-Secret-2" });
    await scimRequest(tokenA, "PATCH", `/Users/${id}`, { Operations: [{ op: "add", path: "password", value: "Patched-Secret-3" }] });
    const read = await scimRequest(tokenA, "GET", `/Users/${id}`);
    const [row] = await db().select().from(directoryEntries).where(eq(directoryEntries.id, id));
    expect(JSON.stringify([created.body, read.body, row])).not.toMatch(/Secret-\d|password/i);
  });

  it("stops a revoked token at once", async () => {
    const { id, token } = await createScimToken(a, "short-lived");
    expect((await scimRequest(token, "GET", "/Users")).status).toBe(200);
    await revokeScimToken(a, id);
    expect((await scimRequest(token, "GET", "/Users")).status).toBe(401);
    // Another customer's manager cannot revoke it: "not found".
    const other = await createScimToken(a, "other");
    await expect(revokeScimToken(b, other.id)).rejects.toThrow(/not found/);
  });

  it("answers bad requests per RFC 7644 and changes nothing", async () => {
    await scimRequest(tokenA, "POST", "/Users", { userName: "Dup@a.example" });
    const before = await scimEntries(a.customerId);
    expect(await scimRequest(tokenA, "POST", "/Users", { userName: "dup@A.example" })).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    expect(await scimRequest(tokenA, "GET", "/Users?filter=userName eq")).toMatchObject({ status: 400, body: { scimType: "invalidFilter" } });
    expect(await scimRequest(tokenA, "GET", '/Users?filter=userName zz "x"')).toMatchObject({ status: 400, body: { scimType: "invalidFilter" } });
    expect(await scimRequest(tokenA, "POST", "/Users", '{"userName": "x", "active": tre}')).toMatchObject({ status: 400, body: { scimType: "invalidSyntax" } });
    expect(await scimRequest(tokenA, "POST", "/Users", { active: true })).toMatchObject({ status: 400, body: { scimType: "invalidValue" } });
    expect((await scimRequest(tokenA, "POST", "/Users", { userName: "x" }, "text/plain")).status).toBe(415);
    expect((await scimRequest(tokenA, "POST", "/Users", { userName: "big", title: "x".repeat(1_100_000) })).status).toBe(413);
    const id = before[0]!.id;
    expect(await scimRequest(tokenA, "PATCH", `/Users/${id}`, { Operations: [{ op: "explode", path: "active" }] })).toMatchObject({
      status: 400,
      body: { scimType: "invalidSyntax" },
    });
    expect(await scimRequest(tokenA, "PUT", `/Users/${id}`, { userame: "typo" })).toMatchObject({ status: 400 });
    expect((await scimRequest(tokenA, "GET", "/Users/not-an-id")).status).toBe(404);
    expect((await scimRequest(tokenA, "GET", "/Groups/2f7c0b8e-58a2-4a8b-9d55-0e1b2f3a4c5d")).status).toBe(404);
    expect(await scimEntries(a.customerId)).toEqual(before);
  });

  it("pages with startIndex and count, filtered or not", async () => {
    const manager = await createCustomerWithManager();
    const token = (await createScimToken(manager, "paging")).token;
    for (const name of ["p1", "p2", "p3"]) await scimRequest(token, "POST", "/Users", { userName: `${name}@paging.example`, name: { familyName: "Pager" } });
    const page = await scimRequest(token, "GET", "/Users?startIndex=2&count=1");
    expect(page.body).toMatchObject({ totalResults: 3, startIndex: 2, itemsPerPage: 1, Resources: [{ userName: "p2@paging.example" }] });
    const filtered = await scimRequest(token, "GET", '/Users?filter=name.familyName eq "pager" and userName sw "p"&startIndex=3&count=5');
    expect(filtered.body).toMatchObject({ totalResults: 3, itemsPerPage: 1, Resources: [{ userName: "p3@paging.example" }] });
  });

  it("accepts plain application/json as well", async () => {
    expect((await scimRequest(tokenA, "POST", "/Users", { userName: "json@a.example" }, "application/json")).status).toBe(201);
  });

  it("shows pushed users in the company directory with Sync = Yes; active=false disables, true restores", async () => {
    const created = await scimRequest(tokenA, "POST", "/Users", {
      userName: "megan@contoso.example",
      name: { givenName: "Megan", familyName: "Bowen" },
      emails: [{ type: "work", value: "megan@contoso.example", primary: true }],
      phoneNumbers: [
        { type: "work", value: "+1 425 555 0109" },
        { type: "mobile", value: "+1 425 555 0110" },
      ],
      title: "Marketing Manager",
      "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
        department: "Marketing",
        employeeNumber: "E-42",
        costCenter: "CC1",
        manager: { value: "boss-id" },
      },
      addresses: [{ type: "work", formatted: "1 Main St, Redmond" }],
      preferredLanguage: "en-US",
    });
    const [entry] = (await searchDirectory({ customerId: a.customerId, q: "Megan" })).rows;
    expect(entry).toMatchObject({
      source: "scim",
      firstName: "Megan",
      lastName: "Bowen",
      displayName: "Megan Bowen",
      email: "megan@contoso.example",
      officePhone: "+1 425 555 0109",
      mobilePhone: "+1 425 555 0110",
      jobTitle: "Marketing Manager",
      department: "Marketing",
      employeeNumber: "E-42",
      costCenter: "CC1",
      manager: "boss-id",
      address: "1 Main St, Redmond",
      preferredLanguage: "en-US",
      userPrincipalName: "megan@contoso.example",
      status: "active",
    });
    const path = `/Users/${created.body!.id}`;
    await scimRequest(tokenA, "PATCH", path, { Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect((await searchDirectory({ customerId: a.customerId, q: "Megan" })).rows[0]).toMatchObject({ status: "disabled", email: "megan@contoso.example" });
    await scimRequest(tokenA, "PATCH", path, { Operations: [{ op: "replace", value: { active: true } }] });
    expect((await searchDirectory({ customerId: a.customerId, q: "Megan" })).rows[0]!.status).toBe("active");
  });

  it("records every request, without bodies or tokens", async () => {
    const rows = await db().select().from(scimRequests).where(eq(scimRequests.customerId, a.customerId));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.some((r) => r.operation === "Users.create" && r.status === 409 && r.detail?.includes("already exists"))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(tokenA);
    expect(JSON.stringify(rows)).not.toContain("+1 425 555 0109");
  });
});

describe("SCIM users and Sign in with Microsoft", () => {
  it("makes a user whose externalId is an object ID that Entra account: linkable, and disabled by active=false", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await createTenant(emulatorAdmin());
    const tenantId = tenant.tenantId;
    await configureSync(manager, tenant, { usage: "use" });
    const token = (await createScimToken(manager, "Entra")).token;
    const objectId = randomUUID();
    const user = await scimRequest(token, "POST", "/Users", { userName: "pat@contoso.example", externalId: objectId, displayName: "Pat" });
    const [entry] = await scimEntries(manager.customerId);
    expect(entry).toMatchObject({ aadTenantId: tenantId, aadObjectId: objectId });

    await linkOwnAccount(manager, entry!.id);
    const company = (await microsoftCompany({ slug: manager.slug }))!;
    expect(await resolveMicrosoftLogin(company, { tid: tenantId, oid: objectId })).toMatchObject({ actor: { accountId: manager.accountId } });
    await scimRequest(token, "PATCH", `/Users/${user.body!.id}`, { Operations: [{ op: "Replace", path: "active", value: "False" }] });
    expect(await resolveMicrosoftLogin(company, { tid: tenantId, oid: objectId })).toEqual({ refusal: "disabled" });
  });
});
