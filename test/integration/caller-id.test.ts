import { eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts as accountsTable, auditLog, directoryCredentialUses, directoryEntries } from "@/db/schema";
import { GET } from "@/app/api/v1/caller-id/route";
import type { CustomerActor } from "@/lib/actor";
import { writeCredentialUses } from "@/lib/directory-credentials/credential-uses";
import { createCredential, revokeCredential } from "@/lib/directory-credentials/credentials";
import { setCustomerSuspended } from "@/lib/customers/set-customer-suspended";
import { updateCompany } from "@/lib/customers/update-company";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import { advanceClockForTests, resetClockForTests } from "@/lib/clock";
import { usedElsewhere } from "../support/credential-uses-elsewhere";
import { createCustomerWithManager, createOperator, createTestUser } from "../support/factories";

type Answer = { status: number; body: Record<string, unknown>; text: string };

async function lookUp(key: string | null, query: string, header: "bearer" | "x-api-key" = "bearer"): Promise<Answer> {
  const headers: Record<string, string> = key === null ? {} : header === "bearer" ? { authorization: `Bearer ${key}` } : { "x-api-key": key };
  const response = await GET(new NextRequest(`http://localhost:3000/api/v1/caller-id${query}`, { headers }));
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text };
}
const byNumber = (key: string, number: string) => lookUp(key, `?number=${encodeURIComponent(number)}`);

const entry = (manager: CustomerActor, fields: { displayName: string; officePhone?: string; mobilePhone?: string; extension?: string }) =>
  createDirectoryEntry(manager, { firstName: null, lastName: null, email: null, officePhone: null, mobilePhone: null, extension: null, ...fields });

describe("caller-ID lookup", () => {
  let us: CustomerActor;
  let de: CustomerActor;
  let usKey: string;
  let deKey: string;

  beforeAll(async () => {
    const operator = await createOperator();
    us = await createCustomerWithManager(operator);
    de = await createCustomerWithManager(operator);
    await updateCompany(us, { customerId: us.customerId, name: "US company", timeZone: "America/New_York", defaultCountry: "US" }, []);
    await updateCompany(de, { customerId: de.customerId, name: "DE company", timeZone: "Europe/Berlin", defaultCountry: "DE" }, []);
    await entry(us, { displayName: "Rich Reception", officePhone: "(425) 555-0100", extension: "100" });
    await entry(us, { displayName: "Mo Mobile", mobilePhone: "+1 425 555 0199" });
    // Someone with no extension of their own: their login's stands in.
    const login = await createTestUser(us, { extension: "4711" });
    const [linked] = await db()
      .insert(directoryEntries)
      .values({
        customerId: us.customerId,
        displayName: "Otto Other",
        source: "entra",
        aadObjectId: crypto.randomUUID(),
        department: "Sales",
        attributes: { otherTelephone: ["+44 20 7946 0958"] },
        phonesE164: ["+442079460958"],
      })
      .returning();
    await db().update(accountsTable).set({ directoryEntryId: linked!.id }).where(eq(accountsTable.id, login.id));
    await db()
      .insert(directoryEntries)
      .values({ customerId: us.customerId, displayName: "Gone Person", status: "disabled", officePhone: "4255550142", phonesE164: ["+14255550142"] });
    await entry(de, { displayName: "Berta Berlin", officePhone: "030 1234567" });
    // The same number in another company: never answered with this company's key.
    await entry(de, { displayName: "Not Yours", officePhone: "+1 425 555 0100" });
    usKey = (await createCredential(us, "caller_id")).secret;
    deKey = (await createCredential(de, "caller_id")).secret;
  });

  it("finds the same person however the number is written", async () => {
    for (const number of ["+1 (425) 555-0100", "0014255550100", "4255550100", "+14255550100", "011 1 425 555 0100", "1-425-555-0100"]) {
      const answer = await byNumber(usKey, number);
      expect({ number, ...answer.body }).toEqual({
        number: "+14255550100",
        name: "Rich Reception",
        extension: "100",
        department: null,
        matchedField: "officePhone",
      });
    }
    expect((await lookUp(usKey, "?number=4255550100", "x-api-key")).body.name).toBe("Rich Reception");
    expect((await byNumber(usKey, "425 555 0199")).body).toMatchObject({ name: "Mo Mobile", matchedField: "mobilePhone", extension: null });
    expect((await byNumber(usKey, "011 44 20 7946 0958")).body).toMatchObject({
      name: "Otto Other",
      matchedField: "attributes.otherTelephone",
      extension: "4711",
      department: "Sales",
    });
  });

  it("reads numbers with each company's own country", async () => {
    for (const number of ["030 1234567", "+49 30 1234567", "0049 30 1234567", "+49 (0)30 1234567"]) {
      expect((await byNumber(deKey, number)).body).toMatchObject({ name: "Berta Berlin", matchedField: "officePhone" });
    }
    // A German company's "4255550100" is no US number; its own +1 number is found, never the US company's person.
    expect((await byNumber(deKey, "+1 425 555 0100")).body).toMatchObject({ name: "Not Yours" });
    expect((await byNumber(usKey, "+49 30 1234567")).status).toBe(404);
  });

  it("answers an unknown number, and a disabled person's, with a clear 404", async () => {
    for (const number of ["+1 425 555 0111", "4255550142"]) {
      const answer = await byNumber(usKey, number);
      expect(answer).toMatchObject({ status: 404, body: { error: "No one in the directory has this number." } });
    }
    expect(await byNumber(usKey, "reception")).toMatchObject({ status: 400, body: { error: "The number is not a phone number." } });
  });

  it("refuses a missing, wrong, revoked or suspended company's key alike, and another customer's key finds only its own people", async () => {
    const refused = { status: 401, body: { error: "A valid API key is required." } };
    expect(await lookUp(null, "?number=4255550100")).toMatchObject(refused);
    expect(await byNumber("swb_cid_wrong", "4255550100")).toMatchObject(refused);
    // A `+…` number is looked up in the key's own statement: a refused key finds no one there either.
    expect(await byNumber("swb_cid_wrong", "+1 425 555 0100")).toMatchObject(refused);
    expect(await byNumber(`${usKey}x`, "4255550100")).toMatchObject(refused);
    expect(await byNumber("x".repeat(5000), "4255550100")).toMatchObject(refused);
    // Two different keys in the two headers are no key.
    const both = await GET(
      new NextRequest("http://localhost:3000/api/v1/caller-id?number=4255550100", { headers: { authorization: `Bearer ${usKey}`, "x-api-key": deKey } }),
    );
    expect(both.status).toBe(401);

    const other = await createCustomerWithManager();
    const { secret: key } = await createCredential(other, "caller_id");
    const rotated = await createCredential(other, "caller_id");
    expect(rotated.rotated).toBe(true);
    expect(await byNumber(key, "4255550100")).toMatchObject(refused);
    expect((await byNumber(rotated.secret, "+1 425 555 0100")).status).toBe(404);
    // A phonebook secret of the same company is not a caller-ID key.
    expect(await byNumber((await createCredential(other, "phonebook_http")).secret, "+1 425 555 0100")).toMatchObject(refused);
    await revokeCredential(other, "caller_id");
    expect(await byNumber(rotated.secret, "+1 425 555 0100")).toMatchObject(refused);
    await expect(revokeCredential(other, "caller_id")).rejects.toThrow("was not found");
    const audit = await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.customerId, other.customerId));
    expect(
      audit
        .map((a) => a.action)
        .filter((a) => a.startsWith("caller_id_key"))
        .sort(),
    ).toEqual(["caller_id_key.create", "caller_id_key.revoke", "caller_id_key.rotate"]);

    const suspended = await createCustomerWithManager();
    const suspendedKey = (await createCredential(suspended, "caller_id")).secret;
    expect((await byNumber(suspendedKey, "+1 425 555 0100")).status).toBe(404);
    await setCustomerSuspended(await createOperator(), { customerId: suspended.customerId, suspended: true });
    expect(await byNumber(suspendedKey, "+1 425 555 0100")).toMatchObject(refused);
  });

  it("limits each key to its rate in a fixed window, counted across processes, and lets it go on in the next", async () => {
    const limited = await createCustomerWithManager();
    const { secret: key } = await createCredential(limited, "caller_id");
    expect((await byNumber(key, "+1 425 555 0100")).status).toBe(404);
    // Other web processes made the rest of the limit's lookups this minute (600 by default): this process counts only
    // its own until its next write (each second) brings back the key's count.
    await usedElsewhere(limited.customerId, "caller_id", 598);
    expect((await byNumber(key, "+1 425 555 0100")).status).toBe(404);
    await writeCredentialUses();
    // Now the next is refused, with when to retry.
    const response = await GET(new NextRequest("http://localhost:3000/api/v1/caller-id?number=4255550100", { headers: { "x-api-key": key } }));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("60");
    // Also when the lookup was made with the key's check (a `+…` number): the 429 carries no answer.
    expect(await byNumber(key, "+1 425 555 0100")).toMatchObject({ status: 429, body: { error: expect.stringMatching(/^Too many requests/) } });
    // Another customer's key is not held up by it.
    expect((await byNumber(usKey, "4255550100")).status).toBe(200);
    // A minute on, the window starts again.
    await writeCredentialUses();
    const ofLimited = eq(directoryCredentialUses.customerId, limited.customerId);
    await db()
      .update(directoryCredentialUses)
      .set({ windowStartedAt: sql`now() - interval '61 seconds'` })
      .where(ofLimited);
    advanceClockForTests(61_000);
    try {
      expect((await byNumber(key, "+1 425 555 0100")).status).toBe(404);
    } finally {
      resetClockForTests();
    }
    await writeCredentialUses();
    const [row] = await db().select().from(directoryCredentialUses).where(ofLimited);
    expect(row).toMatchObject({ windowCount: 1, lastUsedAt: expect.any(Date) });
  });

  it("lets no lookup past the rate when many arrive at once, and writes each to the key's count once", async () => {
    const busy = await createCustomerWithManager();
    await updateCompany(busy, { customerId: busy.customerId, name: "Busy company", timeZone: "America/New_York", defaultCountry: "US" }, []);
    const { secret: key } = await createCredential(busy, "caller_id");
    const count = async () =>
      (await db().select().from(directoryCredentialUses).where(eq(directoryCredentialUses.customerId, busy.customerId)))[0]?.windowCount;
    await usedElsewhere(busy.customerId, "caller_id", 589);
    expect((await byNumber(key, "+1 425 555 0100")).status).toBe(404);
    await writeCredentialUses();
    expect(await count()).toBe(590);
    // Both ways a lookup is checked: with the number in the key's statement (`+…`), and the key alone (national).
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => byNumber(key, i % 2 ? "+1 425 555 0100" : "4255550100")));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(10);
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 404)).toBe(true);
    await writeCredentialUses();
    expect(await count()).toBe(610);
    await writeCredentialUses();
    expect(await count()).toBe(610);
  });

  it("starts a rotated key's count afresh, and drops the uses of a revoked one", async () => {
    const rotating = await createCustomerWithManager();
    const { secret: first } = await createCredential(rotating, "caller_id");
    await usedElsewhere(rotating.customerId, "caller_id", 600);
    expect((await byNumber(first, "+1 425 555 0100")).status).toBe(404);
    await writeCredentialUses();
    expect((await byNumber(first, "+1 425 555 0100")).status).toBe(429);
    const { secret: second } = await createCredential(rotating, "caller_id");
    expect((await byNumber(second, "+1 425 555 0100")).status).toBe(404);
    // The old key's last use and the new key's first, written together: only the new key's is counted.
    await writeCredentialUses();
    const ofRotating = eq(directoryCredentialUses.customerId, rotating.customerId);
    expect(await db().select({ count: directoryCredentialUses.windowCount }).from(directoryCredentialUses).where(ofRotating)).toEqual([{ count: 1 }]);
    expect((await byNumber(second, "+1 425 555 0100")).status).toBe(404);
    await revokeCredential(rotating, "caller_id");
    await writeCredentialUses();
    expect(await db().select().from(directoryCredentialUses).where(ofRotating)).toEqual([]);
  });

  it("reads a national number with the company's country as it is now, not as it was at the key's last lookup", async () => {
    expect(await byNumber(usKey, "4255550100")).toMatchObject({ status: 200, body: { name: "Rich Reception" } });
    // 207 946 0958 is a number in Maine, +1; the same digits in the United Kingdom are Otto's London number.
    expect((await byNumber(usKey, "2079460958")).status).toBe(404);
    await updateCompany(us, { customerId: us.customerId, name: "US company", timeZone: "America/New_York", defaultCountry: "GB" }, []);
    try {
      expect(await byNumber(usKey, "2079460958")).toMatchObject({ status: 200, body: { name: "Otto Other", number: "+442079460958" } });
      expect(await byNumber(usKey, "2079460958")).toMatchObject({ status: 200, body: { name: "Otto Other" } });
    } finally {
      await updateCompany(us, { customerId: us.customerId, name: "US company", timeZone: "America/New_York", defaultCountry: "US" }, []);
    }
    expect(await byNumber(usKey, "4255550100")).toMatchObject({ status: 200, body: { name: "Rich Reception" } });
  });

  it("answers hostile input with a 4xx and no trace of SQL or code", async () => {
    const queries = [
      "?number=%00",
      `?number=${encodeURIComponent("+1 425 555 0100\u0000")}`,
      "?number=%ED%A0%80",
      `?number=${"9".repeat(1500)}`,
      `?number=${"9".repeat(50_000)}`,
      "?number=1&number=2",
      "?number[]=4255550100",
      "?number[0]=4255550100",
      "?__proto__=1",
      "",
      "?number=",
      `?number=${encodeURIComponent("' or 1=1 --")}`,
      `?number=${encodeURIComponent("+1 425 555 0100'); drop table directory_entries; --")}`,
    ];
    for (const query of queries) {
      const answer = await lookUp(usKey, query);
      expect({ query: query.slice(0, 40), status: answer.status >= 400 && answer.status < 500 }).toEqual({ query: query.slice(0, 40), status: true });
      expect(answer.text).not.toMatch(/select|insert|directory_entries|postgres|at \w+ \(|\.ts:/i);
    }
  });
});
