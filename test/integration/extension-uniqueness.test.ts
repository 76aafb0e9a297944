import { describe, expect, it } from "vitest";
import type { CustomerActor } from "@/lib/actor";
import { RangeCursor } from "@/lib/provisioning/range-cursor";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import { deleteDirectoryEntry } from "@/lib/directory/delete-directory-entry";
import { updateDirectoryEntry } from "@/lib/directory/update-directory-entry";
import { AppError } from "@/lib/errors";
import { extensionTakenMessage } from "@/lib/extensions/extension-taken";
import { deleteUser } from "@/lib/users/delete-user";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createTestUser, unique } from "../support/factories";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, companyExtensions } from "@/db/schema";
import { noPortalPasswordHash } from "@/lib/accounts/no-portal-password";
import { violatedConstraint } from "@/lib/db-errors";

describe("extensions", () => {
  it("are unique within a customer, with a message that names the extension", async () => {
    const manager = await createCustomerWithManager();
    await createTestUser(manager, { extension: "2001" });
    const attempt = createTestUser(manager, { extension: "2001" });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("2001") });
  });

  it("may repeat across customers, and many users may have none", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    await createTestUser(a, { extension: "3001" });
    await expect(createTestUser(b, { extension: "3001" })).resolves.toBeDefined();
    await createTestUser(a, { extension: null });
    await expect(createTestUser(a, { extension: null })).resolves.toBeDefined();
  });

  it("are checked on edit too", async () => {
    const manager = await createCustomerWithManager();
    await createTestUser(manager, { extension: "4001" });
    const other = await createTestUser(manager, { extension: "4002" });
    const edit = updateUser(manager, {
      id: other.id,
      name: "Other",
      email: null,
      extension: "4001",
      site: null,
      groupMemberType: null,
      package: null,
      userType: null,
      aadLink: "unchanged",
      password: undefined,
    });
    await expect(edit).rejects.toMatchObject({ code: "conflict", fieldErrors: { extension: expect.any(String) } });
  });
});

/** A manual directory entry with an extension, as the directory form writes it. */
function entryWithExtension(manager: CustomerActor, extension: string) {
  return createDirectoryEntry(manager, {
    firstName: null,
    lastName: null,
    displayName: `Entry ${extension}`,
    email: null,
    officePhone: null,
    mobilePhone: null,
    extension,
  });
}

const takenInCompany = { code: "conflict", fieldErrors: { extension: extensionTakenMessage } };

describe("one extension rule for the company: users and directory entries alike", () => {
  it("refuses a directory entry that takes a user's extension", async () => {
    const manager = await createCustomerWithManager();
    await createTestUser(manager, { extension: "2001" });
    await expect(entryWithExtension(manager, "2001")).rejects.toMatchObject(takenInCompany);
  });

  it("refuses a user that takes a directory entry's extension, with the same message", async () => {
    const manager = await createCustomerWithManager();
    await entryWithExtension(manager, "1011");
    await expect(createTestUser(manager, { extension: "1011" })).rejects.toMatchObject(takenInCompany);
  });

  it("refuses two entries with one extension, on create and on edit", async () => {
    const manager = await createCustomerWithManager();
    await entryWithExtension(manager, "1011");
    await expect(entryWithExtension(manager, "1011")).rejects.toMatchObject(takenInCompany);
    const other = await entryWithExtension(manager, "1012");
    const edit = updateDirectoryEntry(manager, {
      id: other.id,
      firstName: null,
      lastName: null,
      displayName: "Other",
      email: null,
      officePhone: null,
      mobilePhone: null,
      extension: "1011",
    });
    await expect(edit).rejects.toMatchObject(takenInCompany);
  });

  it("frees an extension when its holder gives it up or is deleted", async () => {
    const manager = await createCustomerWithManager();
    const entry = await entryWithExtension(manager, "5001");
    await updateDirectoryEntry(manager, {
      id: entry.id,
      firstName: null,
      lastName: null,
      displayName: "Moved",
      email: null,
      officePhone: null,
      mobilePhone: null,
      extension: "5002",
    });
    await expect(createTestUser(manager, { extension: "5001" })).resolves.toBeDefined();
    await deleteDirectoryEntry(manager, { entryId: entry.id });
    const user = await createTestUser(manager, { extension: "5002" });
    await deleteUser(manager, { userId: user.id });
    await expect(entryWithExtension(manager, "5002")).resolves.toBeDefined();
  });

  it("lets the same extension live in two companies", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    await entryWithExtension(a, "6001");
    await expect(createTestUser(b, { extension: "6001" })).resolves.toBeDefined();
    await expect(entryWithExtension(b, "6002")).resolves.toBeDefined();
    await expect(createTestUser(a, { extension: "6002" })).resolves.toBeDefined();
  });

  it("lets exactly one of a user and an entry created at the same time have the extension", async () => {
    for (let round = 0; round < 5; round++) {
      const manager = await createCustomerWithManager();
      const results = await Promise.allSettled([createTestUser(manager, { extension: "7001" }), entryWithExtension(manager, "7001")]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject(takenInCompany);
    }
  });
});

describe("extensions written many at a time (provisioning's inserts)", () => {
  const loginsWith = (manager: CustomerActor & { slug: string }, extensions: (string | null)[]) =>
    extensions.map((extension) => ({
      customerId: manager.customerId,
      role: "user" as const,
      portalId: `bulk-${unique()}@${manager.slug}`,
      passwordHash: noPortalPasswordHash,
      name: "Bulk",
      extension,
    }));
  const extensionsOf = async (customerId: string) =>
    (await db().select({ extension: companyExtensions.extension }).from(companyExtensions).where(eq(companyExtensions.customerId, customerId)))
      .map((r) => r.extension)
      .sort();

  it("registers every extension of one insert, and refuses the whole insert when two of its logins share one", async () => {
    const manager = await createCustomerWithManager();
    await db()
      .insert(accounts)
      .values(loginsWith(manager, ["9101", "9102", null]));
    expect(await extensionsOf(manager.customerId)).toEqual(["9101", "9102"]);

    const clash = db()
      .insert(accounts)
      .values(loginsWith(manager, ["9103", "9104", "9103"]));
    await expect(clash).rejects.toSatisfy((error: unknown) => violatedConstraint(error) === "company_extensions_pkey");
    expect(await extensionsOf(manager.customerId)).toEqual(["9101", "9102"]);
    expect(
      await db()
        .select()
        .from(accounts)
        .where(and(eq(accounts.customerId, manager.customerId), eq(accounts.name, "Bulk"))),
    ).toHaveLength(3);
  });

  it("refuses an insert with an extension a directory entry holds", async () => {
    const manager = await createCustomerWithManager();
    await entryWithExtension(manager, "9201");
    const taken = db()
      .insert(accounts)
      .values(loginsWith(manager, ["9202", "9201"]));
    await expect(taken).rejects.toSatisfy((error: unknown) => violatedConstraint(error) === "company_extensions_pkey");
    expect(await extensionsOf(manager.customerId)).toEqual(["9201"]);
  });
});

describe("provisioning's extension range", () => {
  it("hands out the next extension free in the whole company: one a directory entry or a user holds is skipped", async () => {
    const manager = await createCustomerWithManager();
    await entryWithExtension(manager, "8000");
    await createTestUser(manager, { extension: "8001" });
    const range = new RangeCursor(manager.customerId, { rangeStart: 8000, rangeEnd: 8005 });
    expect(await range.take(2)).toEqual(["8002", "8003"]);
    // The cursor moves on; a batch the database refused starts again where it began.
    const mark = range.mark();
    expect(await range.take(5)).toEqual(["8004", "8005"]);
    range.rewind(mark);
    expect(await range.take(1)).toEqual(["8004"]);
  });
});
