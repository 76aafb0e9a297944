import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { searchDirectory } from "@/lib/directory/search-directory";
import { createCustomerWithManager, createEntraEntry, createTestUser } from "../support/factories";

/** A login made for the test, then tied to an entry the way the given link says. */
async function loginOf(manager: Awaited<ReturnType<typeof createCustomerWithManager>>, extension: string, link: Partial<typeof accounts.$inferInsert>) {
  const user = await createTestUser(manager, { extension });
  await db().update(accounts).set(link).where(eq(accounts.id, user.id));
  const [row] = await db().select({ portalId: accounts.portalId }).from(accounts).where(eq(accounts.id, user.id));
  return row!.portalId;
}

async function adEntry(customerId: string, displayName: string, extra: Partial<typeof directoryEntries.$inferInsert> = {}) {
  const [entry] = await db()
    .insert(directoryEntries)
    .values({ customerId, displayName, source: "active-directory", ldapObjectGuid: randomUUID(), ...extra })
    .returning();
  return entry!;
}

describe("the company directory shows each person's login", () => {
  it("shows the extension of the entry's login where the entry has none: provisioned for it first, else linked by Entra or AD", async () => {
    const m = await createCustomerWithManager();
    const entra = await createEntraEntry(m, { displayName: "Ann Entra" });
    const entraLogin = await loginOf(m, "2201", { aadTenantId: entra.aadTenantId, aadObjectId: entra.aadObjectId });
    const ad = await adEntry(m.customerId, "Bob Directory", { department: "Finance", jobTitle: "Auditor" });
    const adLogin = await loginOf(m, "2202", { ldapObjectGuid: ad.ldapObjectGuid });
    // Both a provisioned login and a linked one: the provisioned one is shown, and the entry once.
    const both = await adEntry(m.customerId, "Cid Both");
    const provisioned = await loginOf(m, "2203", { directoryEntryId: both.id });
    await loginOf(m, "2213", { ldapObjectGuid: both.ldapObjectGuid });
    // The entry's own extension wins over its login's.
    const own = await adEntry(m.customerId, "Dee Own", { extension: "1104" });
    await loginOf(m, "2204", { ldapObjectGuid: own.ldapObjectGuid });
    await adEntry(m.customerId, "Eve Nobody");

    const rows = (await searchDirectory({ customerId: m.customerId })).rows;
    const shown = Object.fromEntries(rows.map((r) => [r.displayName, { extension: r.extension ?? r.loginExtension, login: r.linkedPortalId }]));
    expect(rows).toHaveLength(5);
    expect(shown).toEqual({
      "Ann Entra": { extension: "2201", login: entraLogin },
      "Bob Directory": { extension: "2202", login: adLogin },
      "Cid Both": { extension: "2203", login: provisioned },
      "Dee Own": { extension: "1104", login: expect.any(String) },
      "Eve Nobody": { extension: null, login: null },
    });
  });

  it("searches department, job title and the login's extension, and counts what it finds", async () => {
    const m = await createCustomerWithManager();
    const ad = await adEntry(m.customerId, "Bob Directory", { department: "Finance", jobTitle: "Senior Auditor" });
    await loginOf(m, "3302", { ldapObjectGuid: ad.ldapObjectGuid });
    await adEntry(m.customerId, "Other Person", { department: "Sales", jobTitle: "Rep" });
    const q = async (text: string) => {
      const page = await searchDirectory({ customerId: m.customerId, q: text });
      expect(page.total).toBe(page.rows.length);
      return page.rows.map((r) => r.displayName);
    };
    expect(await q("finance")).toEqual(["Bob Directory"]);
    expect(await q("auditor")).toEqual(["Bob Directory"]);
    expect(await q("3302")).toEqual(["Bob Directory"]);
    expect(await q("rep")).toEqual(["Other Person"]);
  });

  it("never shows another company's login, even one tied to the same person or to this very entry", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    const tenantId = randomUUID();
    const objectId = randomUUID();
    // Two companies sync the same tenant: each has an entry for the person; only B has a login.
    await createEntraEntry(a, { displayName: "Shared Person", tenantId, objectId });
    const theirs = await createEntraEntry(b, { displayName: "Shared Person", tenantId, objectId });
    await loginOf(b, "4401", { aadTenantId: theirs.aadTenantId, aadObjectId: theirs.aadObjectId });
    // B's login claims A's entry and A's AD person outright.
    const ad = await adEntry(a.customerId, "A Directory");
    await loginOf(b, "4402", { directoryEntryId: ad.id, ldapObjectGuid: ad.ldapObjectGuid });

    const rows = (await searchDirectory({ customerId: a.customerId })).rows;
    expect(rows.map((r) => [r.displayName, r.loginExtension, r.linkedPortalId])).toEqual([
      ["A Directory", null, null],
      ["Shared Person", null, null],
    ]);
    expect((await searchDirectory({ customerId: a.customerId, q: "440" })).total).toBe(0);
    expect((await searchDirectory({ customerId: b.customerId })).rows.map((r) => r.loginExtension)).toEqual(["4401"]);
  });
});
