import { eq } from "drizzle-orm";
import { gunzipSync, brotliDecompressSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryEntries, phonebookSettings, type NewDirectoryEntry } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { setCustomerSuspended } from "@/lib/customers/set-customer-suspended";
import { deleteDirectoryEntry } from "@/lib/directory/delete-directory-entry";
import { writeCredentialUses } from "@/lib/directory-credentials/credential-uses";
import { createCredential, revokeCredential } from "@/lib/directory-credentials/credentials";
import { ciscoFormatName, phonebookFormatNames, wholeFormats } from "@/lib/phonebook/formats";
import { getPhonebookSettings, publishedEntryPage } from "@/lib/phonebook/published-entries";
import { usedElsewhere } from "../../support/credential-uses-elsewhere";
import { createCustomerWithManager, createOperator, createTestUser } from "../../support/factories";
import { parsePhonebookXml } from "../../support/phonebook-xml";
import { overHttp, viaBasic, viaPath } from "./phonebook-requests";

const hostileName = `A & B <b> "q" 's' ]]> Ω`;

const synced = (customerId: string, displayName: string, fields: Partial<NewDirectoryEntry> = {}): NewDirectoryEntry => ({
  customerId,
  displayName,
  source: "entra",
  aadObjectId: crypto.randomUUID(),
  ...fields,
});

async function allPublished(customerId: string) {
  const settings = await getPhonebookSettings({ customerId });
  return publishedEntryPage({ customerId, settings, limit: 1_000_000 });
}

describe("remote phonebooks over HTTP", () => {
  let company: CustomerActor & { slug: string };
  let other: CustomerActor & { slug: string };
  let secret: string;
  let otherSecret: string;

  beforeAll(async () => {
    company = await createCustomerWithManager();
    other = await createCustomerWithManager();
    const c = company.customerId;
    const [lou] = await db()
      .insert(directoryEntries)
      .values([
        synced(c, "Ann Able", {
          firstName: "Ann",
          lastName: "Able",
          extension: "100",
          officePhone: "(425) 555-0100",
          officePhoneE164: "+14255550100",
          mobilePhone: "+1 425 555 0199",
          mobilePhoneE164: "+14255550199",
        }),
        synced(c, hostileName, { officePhone: "+44 20 7946 0958", officePhoneE164: "+442079460958", email: "=cmd@example.com" }),
        synced(c, "__proto__", { mobilePhone: "+14255550111", mobilePhoneE164: "+14255550111" }),
        synced(c, "Dee Disabled", { status: "disabled", extension: "300" }),
        synced(c, "Rae Removed", { status: "removed", extension: "301" }),
        { customerId: c, displayName: "Manny Manual", source: "manual" as const, extension: "302" },
        // Enough people for the stream to read several pages.
        ...Array.from({ length: 2_100 }, (_, i) => synced(c, `Bulk ${String(i).padStart(4, "0")}`, { extension: String(10_000 + i) })),
      ])
      .returning({ id: directoryEntries.id });
    const login = await createTestUser(company, { extension: "4711" });
    const [linked] = await db().insert(directoryEntries).values(synced(c, "Lou Login")).returning();
    await db().update(accounts).set({ directoryEntryId: linked!.id }).where(eq(accounts.id, login.id));
    expect(lou).toBeDefined();
    await db()
      .insert(directoryEntries)
      .values(synced(other.customerId, "Otto Other", { extension: "999" }));
    secret = (await createCredential(company, "phonebook_http")).secret;
    otherSecret = (await createCredential(other, "phonebook_http")).secret;
  });

  it("serves every format, streamed page by page, the same as the format renders the published entries whole", async () => {
    const entries = await allPublished(company.customerId);
    expect(entries.length).toBe(2_104);
    for (const [name, format] of wholeFormats) {
      const answer = await viaPath(secret, name);
      expect({ name, status: answer.status, type: answer.headers.get("content-type") }).toEqual({ name, status: 200, type: format.contentType });
      expect(answer.text === format.start + entries.map((e) => format.entry(e)).join("") + format.end).toBe(true);
      if (name.endsWith(".xml")) expect(() => parsePhonebookXml(answer.text)).not.toThrow();
    }
    const yealink = parsePhonebookXml((await viaBasic({ user: company.slug, password: secret }, "yealink.xml")).text) as {
      YealinkIPPhoneDirectory: { DirectoryEntry: { Name: string; Telephone: { "#text": string }[] }[] };
    };
    const byName = new Map(yealink.YealinkIPPhoneDirectory.DirectoryEntry.map((e) => [e.Name, e.Telephone.map((t) => t["#text"])]));
    expect(byName.get("Ann Able")).toEqual(["100", "+14255550100", "+14255550199"]);
    expect(byName.get(hostileName)).toEqual(["+442079460958"]);
    expect(byName.get("__proto__")).toEqual(["+14255550111"]);
    // No extension of their own: their login's.
    expect(byName.get("Lou Login")).toEqual(["4711"]);
    for (const hidden of ["Dee Disabled", "Rae Removed", "Manny Manual", "Otto Other"]) expect(byName.has(hidden)).toBe(false);
    expect((await viaPath(secret, "contacts.vcf")).headers.get("content-disposition")).toBe('attachment; filename="contacts.vcf"');
    expect((await viaPath(secret, "contacts.csv")).text).toContain('"A & B <b> ""q"" \'s\' ]]> Ω",,,,+442079460958,,\'=cmd@example.com,,\r\n');
  });

  it("publishes manual entries only with the setting, and hides mobiles when told", async () => {
    await db().insert(phonebookSettings).values({ customerId: company.customerId, includeManual: true, hideMobile: true });
    try {
      const text = (await viaPath(secret, "yealink.xml")).text;
      expect(text).toContain("<Name>Manny Manual</Name>");
      expect(text).not.toContain("+14255550199");
      expect(text).not.toContain("Dee Disabled");
      expect(text).not.toContain("Rae Removed");
    } finally {
      await db().delete(phonebookSettings).where(eq(phonebookSettings.customerId, company.customerId));
    }
  });

  it("refuses a wrong, revoked, another kind's, another company's or missing credential with one and the same 401", async () => {
    const refusals = [
      await viaPath("swb_pb_wrong", "yealink.xml"),
      await viaPath(`${secret}x`, "yealink.xml"),
      await viaPath("x".repeat(5_000), "yealink.xml"),
      await viaBasic(null, "yealink.xml"),
      await viaBasic({ user: company.slug, password: "wrong" }, "yealink.xml"),
      // This company's secret named as another company's, and the other way round.
      await viaBasic({ user: other.slug, password: secret }, "yealink.xml"),
      await viaBasic({ user: company.slug, password: otherSecret }, "yealink.xml"),
      await viaBasic(null, "yealink.xml", { headers: { authorization: "Basic !!!" } }),
      await viaBasic(null, "yealink.xml", { headers: { authorization: `Bearer ${secret}` } }),
      await viaPath((await createCredential(company, "caller_id")).secret, "yealink.xml"),
      await viaPath((await createCredential(company, "phonebook_ldap")).secret, "yealink.xml"),
    ];
    for (const refused of refusals) {
      expect({ status: refused.status, text: refused.text, challenge: refused.headers.get("www-authenticate") }).toEqual({
        status: 401,
        text: JSON.stringify({ error: "A valid phonebook credential is required." }),
        challenge: 'Basic realm="phonebook", charset="UTF-8"',
      });
    }
    // Another company's secret opens its own phonebook only.
    const theirs = await viaPath(otherSecret, "yealink.xml");
    expect(theirs.text).toContain("Otto Other");
    expect(theirs.text).not.toContain("Ann Able");

    const leaving = await createCustomerWithManager();
    const { secret: leavingSecret } = await createCredential(leaving, "phonebook_http");
    expect((await viaPath(leavingSecret, "yealink.xml")).status).toBe(200);
    await revokeCredential(leaving, "phonebook_http");
    expect((await viaPath(leavingSecret, "yealink.xml")).status).toBe(401);
    const suspended = await createCustomerWithManager();
    const { secret: suspendedSecret } = await createCredential(suspended, "phonebook_http");
    await setCustomerSuspended(await createOperator(), { customerId: suspended.customerId, suspended: true });
    expect((await viaBasic({ user: suspended.slug, password: suspendedSecret }, "yealink.xml")).status).toBe(401);
  });

  it("answers 304 while nothing changed, by ETag and by Last-Modified; an entry's change, a removal, a deletion and a settings change each change the ETag", async () => {
    // Last-Modified is sent once its second is over (a change later in the same second would share the date).
    await expect.poll(async () => (await viaPath(secret, "snom.xml")).headers.get("last-modified"), { timeout: 3000, interval: 100 }).not.toBeNull();
    const first = await viaPath(secret, "snom.xml");
    const etag = first.headers.get("etag")!;
    const lastModified = first.headers.get("last-modified")!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(new Date(lastModified).getTime()).toBeGreaterThan(0);
    const revalidated = await viaPath(secret, "snom.xml", { headers: { "if-none-match": etag } });
    expect({ status: revalidated.status, body: revalidated.text, etag: revalidated.headers.get("etag") }).toEqual({ status: 304, body: "", etag });
    expect((await viaPath(secret, "snom.xml", { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    expect((await viaPath(secret, "snom.xml", { headers: { "if-none-match": '"other", ' + etag } })).status).toBe(304);
    expect((await viaPath(secret, "snom.xml", { headers: { "if-none-match": '"other"', "if-modified-since": lastModified } })).status).toBe(200);
    // Another format is another representation.
    expect((await viaPath(secret, "yealink.xml", { headers: { "if-none-match": etag } })).status).toBe(200);

    const etagNow = async () => (await viaPath(secret, "snom.xml")).headers.get("etag")!;
    const seen = new Set([etag]);
    const expectNew = async (what: string) => {
      const now = await etagNow();
      expect({ what, changed: !seen.has(now) }).toEqual({ what, changed: true });
      seen.add(now);
      return now;
    };
    await db().update(directoryEntries).set({ department: "Moved", updatedAt: new Date() }).where(eq(directoryEntries.displayName, "Ann Able"));
    await expectNew("an entry changed");
    await db().update(directoryEntries).set({ status: "removed", updatedAt: new Date() }).where(eq(directoryEntries.displayName, "__proto__"));
    await expectNew("an entry removed");
    await db().insert(phonebookSettings).values({ customerId: company.customerId, includeManual: true });
    const withManual = await expectNew("the settings changed");
    // A manual entry deleted (a row gone, nothing left to date it) changes the count.
    const [manny] = await db().select({ id: directoryEntries.id }).from(directoryEntries).where(eq(directoryEntries.displayName, "Manny Manual"));
    await deleteDirectoryEntry(company, { entryId: manny!.id });
    await expectNew("a manual entry deleted");
    const afterDelete = await viaPath(secret, "snom.xml", { headers: { "if-modified-since": lastModified } });
    expect(afterDelete.status).toBe(200);
    expect(withManual).not.toBe(await etagNow());
    await db().delete(phonebookSettings).where(eq(phonebookSettings.customerId, company.customerId));
    await db().update(directoryEntries).set({ status: "active", updatedAt: new Date() }).where(eq(directoryEntries.displayName, "__proto__"));
  });

  it("goes out compressed with brotli or gzip as the phone accepts, and not at all when it does not", async () => {
    const plain = await overHttp(secret, "grandstream.xml", {});
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(plain.text).toBe((await viaPath(secret, "grandstream.xml")).text);
    const gzip = await overHttp(secret, "grandstream.xml", { "accept-encoding": "gzip, deflate" });
    expect(gzip.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(gzip.body).toString("utf8")).toBe(plain.text);
    expect(gzip.body.length).toBeLessThan(plain.body.length / 4);
    const br = await overHttp(secret, "grandstream.xml", { "accept-encoding": "gzip;q=0.5, br" });
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(plain.text);
    expect((await overHttp(secret, "grandstream.xml", { "accept-encoding": "gzip;q=0, br;q=0" })).headers.get("content-encoding")).toBeNull();
    expect(gzip.headers.get("vary")).toContain("accept-encoding");
  });

  it("answers concurrent requests alike", async () => {
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? viaPath(secret, "poly.xml") : viaBasic({ user: company.slug, password: secret }, "poly.xml"))),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
  });

  it("limits each credential to its rate, with Retry-After", async () => {
    const limited = await createCustomerWithManager();
    const { secret: limitedSecret } = await createCredential(limited, "phonebook_http");
    await usedElsewhere(limited.customerId, "phonebook_http", 1_199);
    expect((await viaPath(limitedSecret, "yealink.xml")).status).toBe(200);
    await writeCredentialUses();
    const refused = await viaPath(limitedSecret, "yealink.xml");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("60");
    expect((await viaPath(secret, "yealink.xml")).status).toBe(200);
  });

  it("answers hostile input with a 4xx and no trace of SQL, code or the secret", async () => {
    const answers = [
      await viaPath(secret, "__proto__"),
      await viaPath(secret, "constructor"),
      await viaPath(secret, "yealink.json"),
      await viaPath(secret, "yealink.xml\u0000"),
      await viaPath(secret, ciscoFormatName, { query: "?after=not-a-uuid" }),
      await viaPath(secret, ciscoFormatName, { query: "?after=%00" }),
      await viaPath(secret, ciscoFormatName, { query: `?after=${crypto.randomUUID()}&after=${crypto.randomUUID()}` }),
      await viaPath(secret, "yealink.xml", { query: `?x=${"9".repeat(50_000)}` }),
    ];
    for (const answer of answers) {
      expect(answer.status >= 400 && answer.status < 500).toBe(true);
      expect(answer.text).not.toMatch(/select|directory_entries|postgres|at \w+ \(|\.ts:/i);
      expect(answer.text).not.toContain(secret);
    }
    expect(phonebookFormatNames.sort()).toEqual(
      ["cisco.xml", "contacts.csv", "contacts.vcf", "fanvil.xml", "grandstream.xml", "poly.xml", "snom.xml", "yealink.xml"].sort(),
    );
  });
});
