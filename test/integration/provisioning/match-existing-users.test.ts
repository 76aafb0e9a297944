// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../../support/signed-in";
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, auditLog, directoryEntries, entraSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { applyMatches } from "@/lib/provisioning/match/apply-matches";
import { proposeMatches } from "@/lib/provisioning/match/propose-matches";
import { seal } from "@/lib/secrets/secret-box";
import { applyMatchesAction } from "@/app/(portal)/users/match/actions";
import { createCustomerWithManager, createEntraEntry, createTestUser, unique } from "../../support/factories";

/** MS AAD settings whose tenant Microsoft proved (a token was issued for it): only there can an Entra account be linked. */
async function provenTenant(manager: CustomerActor): Promise<string> {
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const sealed = seal("secret", manager.customerId);
  await db().insert(entraSettings).values({
    customerId: manager.customerId,
    tenantId,
    clientId,
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
    verifiedTenantId: tenantId,
    verifiedClientId: clientId,
    tenantVerifiedAt: new Date(),
  });
  return tenantId;
}

async function login(manager: CustomerActor, name: string, email: string | null) {
  const user = await createTestUser(manager);
  await db().update(accounts).set({ name, email }).where(eq(accounts.id, user.id));
  return user;
}

async function adEntry(manager: CustomerActor, displayName: string, email: string | null) {
  const [entry] = await db()
    .insert(directoryEntries)
    .values({ customerId: manager.customerId, displayName, email, source: "active-directory", ldapObjectGuid: randomUUID(), accountName: `ad-${unique()}` })
    .returning();
  return entry!;
}

const accountOf = async (id: string) => (await db().select().from(accounts).where(eq(accounts.id, id)))[0]!;
const form = (pairs: unknown) => {
  const data = new FormData();
  data.append("pairs", typeof pairs === "string" ? pairs : JSON.stringify(pairs));
  return data;
};

describe("matching existing users to synced people", () => {
  it("proposes strong matches by e-mail or UPN (ticked when unambiguous) and weak ones by name, among the free only", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await provenTenant(manager);
    const ann = await login(manager, "Ann Smith", "Ann.Smith@Contoso.example");
    const bob = await login(manager, "Bob Jones", "bob@contoso.example");
    const carl = await login(manager, "Carl Weak", null);
    const annEntry = await createEntraEntry(manager, { tenantId: tenant, displayName: "Ann Smith", email: "ann.smith@contoso.example" });
    const bobEntry = await createEntraEntry(manager, { tenantId: tenant, displayName: "Robert Jones" });
    await db().update(directoryEntries).set({ userPrincipalName: "BOB@contoso.example" }).where(eq(directoryEntries.id, bobEntry.id));
    const carlEntry = await adEntry(manager, "Carl Weak", "carl@elsewhere.example");
    // Not proposed: a removed person, a person in a tenant never proven, a typed-in entry, a person a login holds, a manager.
    await createEntraEntry(manager, { tenantId: tenant, displayName: "Ann Smith", email: "ann.smith@contoso.example", status: "removed" });
    await createEntraEntry(manager, { tenantId: randomUUID(), displayName: "Bob Jones", email: "bob@contoso.example" });
    await db().insert(directoryEntries).values({ customerId: manager.customerId, displayName: "Carl Weak", source: "manual" });
    const heldEntry = await createEntraEntry(manager, { tenantId: tenant, displayName: "Dana Held", email: "dana@contoso.example" });
    const dana = await login(manager, "Dana Held", "dana@contoso.example");
    await db().update(accounts).set({ directoryEntryId: heldEntry.id }).where(eq(accounts.id, dana.id));
    await login(manager, "Eve Held", "eve@contoso.example");
    await createEntraEntry(manager, { tenantId: tenant, displayName: "Eve Held", email: "eve@contoso.example" }).then((e) =>
      db()
        .insert(accounts)
        .values({
          customerId: manager.customerId,
          role: "user",
          portalId: `eve-linked-${unique()}@${manager.slug}`,
          passwordHash: "x",
          name: "Eve",
          aadTenantId: e.aadTenantId,
          aadObjectId: e.aadObjectId,
        }),
    );

    const { proposals, more } = await proposeMatches({ customerId: manager.customerId });
    expect(more).toBe(false);
    const shown = proposals.map((p) => [p.accountId, p.entryId, p.strength, p.preselected]);
    expect(shown).toHaveLength(3);
    expect(shown).toEqual(
      expect.arrayContaining([
        [ann.id, annEntry.id, "strong", true],
        [bob.id, bobEntry.id, "strong", true],
        [carl.id, carlEntry.id, "weak", false],
      ]),
    );
    // Strong first, weak last.
    expect(proposals.at(-1)!.strength).toBe("weak");

    // Another company sees none of them.
    const other = await createCustomerWithManager();
    expect((await proposeMatches({ customerId: other.customerId })).proposals).toEqual([]);
  });

  it("applies the chosen pairs in one step: the entry, the sign-in link (Entra account or AD entry), an audit record each", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await provenTenant(manager);
    const ann = await login(manager, "Ann Smith", "ann@contoso.example");
    const carl = await login(manager, "Carl Weak", null);
    const annEntry = await createEntraEntry(manager, { tenantId: tenant, displayName: "Ann Smith", email: "ann@contoso.example" });
    const carlEntry = await adEntry(manager, "Carl Weak", null);

    expect(
      await applyMatches(manager, [
        { accountId: ann.id, entryId: annEntry.id },
        { accountId: carl.id, entryId: carlEntry.id },
      ]),
    ).toEqual({ applied: 2 });
    expect(await accountOf(ann.id)).toMatchObject({
      directoryEntryId: annEntry.id,
      aadTenantId: tenant,
      aadObjectId: annEntry.aadObjectId,
      ldapObjectGuid: null,
    });
    expect(await accountOf(carl.id)).toMatchObject({ directoryEntryId: carlEntry.id, aadObjectId: null, ldapObjectGuid: carlEntry.ldapObjectGuid });
    const audit = await db()
      .select()
      .from(auditLog)
      .where(inArray(auditLog.targetId, [ann.id, carl.id]));
    expect(audit.filter((r) => r.action === "matches.apply")).toHaveLength(2);
    expect((await proposeMatches({ customerId: manager.customerId })).proposals).toEqual([]);
  });

  it("refuses the whole step when a login or person was taken meanwhile, or is another company's, and applies nothing", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await provenTenant(manager);
    const ann = await login(manager, "Ann", "ann@contoso.example");
    const bob = await login(manager, "Bob", "bob@contoso.example");
    const annEntry = await createEntraEntry(manager, { tenantId: tenant, email: "ann@contoso.example" });
    const bobEntry = await adEntry(manager, "Bob", "bob@contoso.example");
    // Bob's person is taken by another login before the manager applies.
    const taker = await createTestUser(manager);
    await db().update(accounts).set({ directoryEntryId: bobEntry.id }).where(eq(accounts.id, taker.id));

    const both = [
      { accountId: ann.id, entryId: annEntry.id },
      { accountId: bob.id, entryId: bobEntry.id },
    ];
    await expect(applyMatches(manager, both)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("Bob is already held by a login") });
    expect((await accountOf(ann.id)).directoryEntryId).toBeNull();

    // Another company's login or person: not found, whatever else is chosen.
    const other = await createCustomerWithManager();
    const stranger = await login(other, "Stranger", "s@other.example");
    const strangerEntry = await adEntry(other, "Stranger", null);
    await expect(applyMatches(manager, [both[0]!, { accountId: stranger.id, entryId: bobEntry.id }])).rejects.toMatchObject({ code: "not_found" });
    await expect(applyMatches(manager, [both[0]!, { accountId: bob.id, entryId: strangerEntry.id }])).rejects.toMatchObject({ code: "not_found" });
    await expect(
      applyMatches(manager, [
        { accountId: ann.id, entryId: annEntry.id },
        { accountId: ann.id, entryId: bobEntry.id },
      ]),
    ).rejects.toMatchObject({
      code: "invalid_input",
    });
    // A manager is no login to match.
    await expect(applyMatches(manager, [{ accountId: manager.accountId, entryId: annEntry.id }])).rejects.toMatchObject({ code: "not_found" });
    for (const id of [ann.id, bob.id, stranger.id, manager.accountId]) expect((await accountOf(id)).directoryEntryId).toBeNull();
  });

  it("two applies at once for one person link it to one login only", async () => {
    const manager = await createCustomerWithManager();
    const ann = await login(manager, "Ann", "ann@contoso.example");
    const annToo = await login(manager, "Ann", "ann@contoso.example");
    const entry = await adEntry(manager, "Ann", "ann@contoso.example");
    const results = await Promise.allSettled([
      applyMatches(manager, [{ accountId: ann.id, entryId: entry.id }]),
      applyMatches(manager, [{ accountId: annToo.id, entryId: entry.id }]),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    const linked = await db().select({ id: accounts.id }).from(accounts).where(eq(accounts.directoryEntryId, entry.id));
    expect(linked).toHaveLength(1);

    // And one login applied twice at once to two people gets one of them.
    const carl = await login(manager, "Carl", null);
    const [first, second] = [await adEntry(manager, "Carl", null), await adEntry(manager, "Carl", null)];
    const again = await Promise.allSettled([
      applyMatches(manager, [{ accountId: carl.id, entryId: first.id }]),
      applyMatches(manager, [{ accountId: carl.id, entryId: second.id }]),
    ]);
    expect(again.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect([first.id, second.id]).toContain((await accountOf(carl.id)).directoryEntryId);
  });

  it("the action refuses hostile selections with a clear message and changes nothing", async () => {
    const manager = await createCustomerWithManager();
    const ann = await login(manager, "Ann", "ann@contoso.example");
    const entry = await adEntry(manager, "Ann", "ann@contoso.example");
    const refusals = [
      "not json",
      "[]",
      JSON.stringify([{ accountId: ann.id, entryId: entry.id, __proto__: { polluted: true } }]).replace(
        '"accountId"',
        '"__proto__":{"polluted":1},"accountId"',
      ),
      '{"__proto__":{"polluted":1}}',
      JSON.stringify([{ accountId: "not-an-id", entryId: entry.id }]),
      JSON.stringify([{ accountId: `${ann.id}\u0000`, entryId: entry.id }]),
      JSON.stringify(Array.from({ length: 501 }, () => ({ accountId: ann.id, entryId: entry.id }))),
      "[".repeat(10_000),
    ];
    for (const pairs of refusals) {
      const state = await runAs(manager, () => applyMatchesAction({ status: "idle" }, form(pairs)));
      expect(state.status, pairs.slice(0, 80)).toBe("error");
      expect(state.status === "error" && state.message).not.toBe("Something went wrong. Please try again.");
    }
    const other = await createCustomerWithManager();
    expect(await runAs(other, () => applyMatchesAction({ status: "idle" }, form([{ accountId: ann.id, entryId: entry.id }])))).toEqual({
      status: "error",
      message: "A chosen login was not found.",
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await accountOf(ann.id)).directoryEntryId).toBeNull();
  });
});
