import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, directoryEntries } from "@/db/schema";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import { deleteDirectoryEntry } from "@/lib/directory/delete-directory-entry";
import { searchDirectory } from "@/lib/directory/search-directory";
import { updateDirectoryEntry } from "@/lib/directory/update-directory-entry";
import { pageSize } from "@/lib/pagination";
import { createCustomerWithManager } from "../support/factories";

const blank = { firstName: null, lastName: null, displayName: null, email: null, officePhone: null, mobilePhone: null, extension: null };

describe("company directory", () => {
  it("finds entries by name, e-mail, extension and phone digits, and treats % literally", async () => {
    const m = await createCustomerWithManager();
    await createDirectoryEntry(m, {
      ...blank,
      firstName: "Ada",
      lastName: "Lovelace",
      email: "ada@example.org",
      officePhone: "+44 (20) 7946-0018",
      extension: "4711",
    });
    await createDirectoryEntry(m, { ...blank, displayName: "100% Sales" });
    const q = (text: string) => searchDirectory({ customerId: m.customerId, q: text }).then((p) => p.rows.map((r) => r.displayName));
    expect(await q("lovelace")).toEqual(["Ada Lovelace"]);
    expect(await q("ADA@EXAMPLE")).toEqual(["Ada Lovelace"]);
    expect(await q("4711")).toEqual(["Ada Lovelace"]);
    expect(await q("7946 0018")).toEqual(["Ada Lovelace"]);
    expect(await q("100%")).toEqual(["100% Sales"]);
    expect(await q("%")).toEqual(["100% Sales"]);
  });

  it("pages on the server", async () => {
    const m = await createCustomerWithManager();
    await db()
      .insert(directoryEntries)
      .values(Array.from({ length: pageSize + 5 }, (_, i) => ({ customerId: m.customerId, displayName: `Person ${String(i).padStart(3, "0")}` })));
    const first = await searchDirectory({ customerId: m.customerId, page: 1 });
    const second = await searchDirectory({ customerId: m.customerId, page: 2 });
    expect(first.total).toBe(pageSize + 5);
    expect(first.pageCount).toBe(2);
    expect(first.rows).toHaveLength(pageSize);
    expect(second.rows.map((r) => r.displayName)).toEqual(["Person 025", "Person 026", "Person 027", "Person 028", "Person 029"]);
  });

  it("keeps synced entries read-only except the extension, and never deletes them by hand", async () => {
    const m = await createCustomerWithManager();
    const [synced] = await db()
      .insert(directoryEntries)
      .values({
        customerId: m.customerId,
        displayName: "Megan Bowen",
        firstName: "Megan",
        lastName: "Bowen",
        source: "entra",
        aadTenantId: randomUUID(),
        aadObjectId: randomUUID(),
      })
      .returning();
    const same = { ...blank, firstName: "Megan", lastName: "Bowen", displayName: "Megan Bowen" };

    await updateDirectoryEntry(m, { id: synced!.id, ...same, extension: "2105" });
    await expect(updateDirectoryEntry(m, { id: synced!.id, ...same, lastName: "Changed" })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(deleteDirectoryEntry(m, { entryId: synced!.id })).rejects.toMatchObject({ code: "invalid_input" });

    const [after] = await db().select().from(directoryEntries).where(eq(directoryEntries.id, synced!.id));
    expect(after).toMatchObject({ extension: "2105", lastName: "Bowen", displayName: "Megan Bowen" });
  });

  it("records who changed what in the audit log", async () => {
    const m = await createCustomerWithManager();
    const entry = await createDirectoryEntry(m, { ...blank, displayName: "Audited" });
    await deleteDirectoryEntry(m, { entryId: entry.id });
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, m.customerId), eq(auditLog.targetId, entry.id)));
    expect(rows.map((r) => r.action).sort()).toEqual(["directory.create", "directory.delete"]);
    expect(rows.every((r) => r.actorAccountId === m.accountId)).toBe(true);
  });
});
