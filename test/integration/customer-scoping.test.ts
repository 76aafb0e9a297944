import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { deleteDirectoryEntry } from "@/lib/directory/delete-directory-entry";
import { getDirectoryEntry } from "@/lib/directory/get-directory-entry";
import { searchDirectory } from "@/lib/directory/search-directory";
import { updateDirectoryEntry } from "@/lib/directory/update-directory-entry";
import { deleteManager } from "@/lib/managers/delete-manager";
import { listManagers } from "@/lib/managers/list-managers";
import { createManager } from "@/lib/managers/create-manager";
import { deleteUser } from "@/lib/users/delete-user";
import { getUser } from "@/lib/users/get-user";
import { listUsers } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createTestEntry, createTestUser, testPassword } from "../support/factories";

/**
 * For every data-access function that takes a row ID: customer A's manager
 * naming customer B's row finds nothing, and B's row is exactly as it was.
 */
describe("customer scoping", () => {
  let a: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let b: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let bUser: { id: string };
  let bManager: { id: string };
  let bEntry: { id: string };

  beforeAll(async () => {
    a = await createCustomerWithManager();
    b = await createCustomerWithManager();
    bUser = await createTestUser(b, { extension: "5001" });
    bManager = await createManager(b, { localPart: "second", name: "Second", email: null, password: testPassword });
    bEntry = await createTestEntry(b, "Only In B");
  });

  const snapshot = async () => ({
    accounts: await db().select().from(accounts).where(eq(accounts.customerId, b.customerId)).orderBy(accounts.id),
    entries: await db().select().from(directoryEntries).where(eq(directoryEntries.customerId, b.customerId)),
  });

  const userEdit = () => ({
    id: bUser.id,
    name: "Hijacked",
    email: null,
    extension: "9999",
    site: null,
    groupMemberType: null,
    package: null,
    userType: null,
    aadLink: "unchanged",
    password: "hijacked-password",
  });
  const entryEdit = () => ({
    id: bEntry.id,
    firstName: null,
    lastName: null,
    displayName: "Hijacked",
    email: null,
    officePhone: null,
    mobilePhone: null,
    extension: null,
  });

  const crossCustomerCalls = {
    getUser: () => getUser({ customerId: a.customerId, userId: bUser.id }),
    updateUser: () => updateUser(a, userEdit()),
    deleteUser: () => deleteUser(a, { userId: bUser.id }),
    deleteManager: () => deleteManager(a, { managerId: bManager.id }),
    getDirectoryEntry: () => getDirectoryEntry({ customerId: a.customerId, entryId: bEntry.id }),
    updateDirectoryEntry: () => updateDirectoryEntry(a, entryEdit()),
    deleteDirectoryEntry: () => deleteDirectoryEntry(a, { entryId: bEntry.id }),
  };

  it.each(Object.entries(crossCustomerCalls))("%s answers not found and changes nothing", async (_name, call) => {
    const before = await snapshot();
    await expect(call()).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot()).toEqual(before);
  });

  it("lists and searches only the caller's own rows", async () => {
    expect((await listUsers({ customerId: a.customerId })).rows.map((u) => u.id)).not.toContain(bUser.id);
    expect((await listManagers({ customerId: a.customerId })).map((m) => m.id)).not.toContain(bManager.id);
    expect((await searchDirectory({ customerId: a.customerId, q: "Only In B" })).total).toBe(0);
    expect((await searchDirectory({ customerId: b.customerId, q: "Only In B" })).total).toBe(1);
  });

  it("creates rows for the caller's customer only", async () => {
    const user = await createTestUser(a);
    const [row] = await db().select().from(accounts).where(eq(accounts.id, user.id));
    expect(row!.customerId).toBe(a.customerId);
    expect(row!.portalId.endsWith(`@${a.slug}`)).toBe(true);
  });
});
