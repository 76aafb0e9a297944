import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { getManagerEntry } from "@/lib/directory/get-manager-entry";
import { createCustomerWithManager, createEntraEntry } from "../support/factories";

describe("an entry's manager", () => {
  it("is the entry of the manager's object ID in the same company and tenant, never another company's", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    const tenantId = randomUUID();
    const bossId = randomUUID();
    const boss = await createEntraEntry(a, { displayName: "Ada Boss", tenantId, objectId: bossId });
    const person = await createEntraEntry(a, { displayName: "Pia Person", tenantId });
    await db()
      .update(directoryEntries)
      .set({ attributes: { manager: bossId.toUpperCase() } })
      .where(eq(directoryEntries.id, person.id));
    const withManager = { ...person, attributes: { manager: bossId.toUpperCase() } };

    expect(await getManagerEntry({ customerId: a.customerId, entry: withManager })).toEqual({ id: boss.id, displayName: "Ada Boss" });
    // The same person synced by another company finds no manager there, and A's entry is never B's answer.
    expect(await getManagerEntry({ customerId: b.customerId, entry: withManager })).toBeNull();
    // Another tenant, an AD DN, or a value that is no object ID: none.
    expect(await getManagerEntry({ customerId: a.customerId, entry: { ...withManager, aadTenantId: randomUUID() } })).toBeNull();
    expect(
      await getManagerEntry({ customerId: a.customerId, entry: { source: "active-directory", aadTenantId: null, attributes: { manager: "CN=Ada,DC=x" } } }),
    ).toBeNull();
    for (const manager of ["' or 1=1 --", "\u0000", "x".repeat(10_000)]) {
      expect(await getManagerEntry({ customerId: a.customerId, entry: { ...withManager, attributes: { manager } } })).toBeNull();
    }
  });
});
