import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryEntries, phonebookSettings } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { authenticateCredential, createCredential, listCredentials, revokeCredential } from "@/lib/directory-credentials/credentials";
import { getPhonebookSettings, publishedEntryPage, type PhonebookEntry, type PhonebookSettings } from "@/lib/phonebook/published-entries";
import { createCustomerWithManager, createTestUser } from "../../support/factories";

async function everyPage(customerId: string, settings: PhonebookSettings, limit: number): Promise<PhonebookEntry[]> {
  const all: PhonebookEntry[] = [];
  for (;;) {
    const last = all.at(-1);
    const page = await publishedEntryPage({ customerId, settings, limit, after: last && { displayName: last.displayName, id: last.id } });
    all.push(...page);
    if (page.length < limit) return all;
  }
}

describe("published phonebook entries", () => {
  let company: CustomerActor & { slug: string };
  let other: CustomerActor;

  beforeAll(async () => {
    company = await createCustomerWithManager();
    other = await createCustomerWithManager();
    const synced = (displayName: string, fields: Partial<typeof directoryEntries.$inferInsert> = {}) => ({
      customerId: company.customerId,
      displayName,
      source: "entra" as const,
      aadObjectId: crypto.randomUUID(),
      ...fields,
    });
    const inserted = await db()
      .insert(directoryEntries)
      .values([
        synced("Ann Able", { officePhone: "(425) 555-0100", officePhoneE164: "+14255550100", mobilePhone: "0170 1234567", extension: "100" }),
        // Four people of one name: paging tells them apart by id.
        ...Array.from({ length: 4 }, () => synced("Sam Same")),
        synced("Dee Disabled", { status: "disabled" }),
        synced("Rae Removed", { status: "removed" }),
        { customerId: company.customerId, displayName: "Manny Manual", source: "manual" as const },
        synced("Lou Login"),
      ])
      .returning({ id: directoryEntries.id, displayName: directoryEntries.displayName });
    const lou = inserted.find((e) => e.displayName === "Lou Login")!;
    const login = await createTestUser(company, { extension: "4711" });
    await db().update(accounts).set({ directoryEntryId: lou.id }).where(eq(accounts.id, login.id));
    await db().insert(directoryEntries).values({ customerId: other.customerId, displayName: "Ann Able", source: "entra", aadObjectId: crypto.randomUUID() });
  });

  it("publishes the company's active synced entries only, every one once across pages, in name order", async () => {
    const settings = await getPhonebookSettings({ customerId: company.customerId });
    expect(settings).toEqual({ includeManual: false, hideMobile: false });
    for (const limit of [1, 2, 3, 100]) {
      const names = (await everyPage(company.customerId, settings, limit)).map((e) => e.displayName);
      expect(names).toEqual(["Ann Able", "Lou Login", "Sam Same", "Sam Same", "Sam Same", "Sam Same"]);
    }
    const ids = (await everyPage(company.customerId, settings, 1)).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives each person's numbers in E.164 where they parsed, the login's extension where the entry has none", async () => {
    const [ann, lou] = await everyPage(company.customerId, { includeManual: false, hideMobile: false }, 100);
    expect(ann).toMatchObject({ extension: "100", officePhone: "+14255550100", mobilePhone: "0170 1234567" });
    expect(lou).toMatchObject({ extension: "4711", officePhone: null });
  });

  it("adds typed-in entries and hides mobile numbers when the company says so", async () => {
    await db().insert(phonebookSettings).values({ customerId: company.customerId, includeManual: true, hideMobile: true });
    const settings = await getPhonebookSettings({ customerId: company.customerId });
    const entries = await everyPage(company.customerId, settings, 100);
    expect(entries.map((e) => e.displayName)).toContain("Manny Manual");
    expect(entries.every((e) => e.mobilePhone === null)).toBe(true);
  });

  it("keeps one credential of each kind per company, each opening only what it is for", async () => {
    const http = await createCredential(company, "phonebook_http");
    const ldap = await createCredential(company, "phonebook_ldap");
    expect(http.secret).toMatch(/^swb_pb_/);
    expect(await authenticateCredential("phonebook_http", http.secret, 10)).toEqual({
      customerId: company.customerId,
      customerSlug: company.slug,
      defaultCountry: null,
      overLimit: false,
    });
    expect(await authenticateCredential("phonebook_ldap", http.secret, 10)).toBeNull();
    expect(await authenticateCredential("phonebook_ldap", ldap.secret, 10)).toMatchObject({ customerId: company.customerId });
    expect((await listCredentials({ customerId: company.customerId })).map((c) => c.kind)).toEqual(["phonebook_http", "phonebook_ldap"]);
    expect(await listCredentials({ customerId: other.customerId })).toEqual([]);
    // Another company revoking its (absent) credential changes nothing here.
    await expect(revokeCredential(other, "phonebook_http")).rejects.toThrow("was not found");
    expect(await authenticateCredential("phonebook_http", http.secret, 10)).not.toBeNull();
    const rotated = await createCredential(company, "phonebook_http");
    expect(rotated.rotated).toBe(true);
    expect(await authenticateCredential("phonebook_http", http.secret, 10)).toBeNull();
    // Requests at once each count: over the rate, whichever comes last knows it.
    const answers = await Promise.all(Array.from({ length: 12 }, () => authenticateCredential("phonebook_http", rotated.secret, 10)));
    expect(answers.filter((a) => a?.overLimit).length).toBe(2);
  });
});
