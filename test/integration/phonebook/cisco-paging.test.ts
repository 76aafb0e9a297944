import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, type NewDirectoryEntry } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { createCredential } from "@/lib/directory-credentials/credentials";
import { createCustomerWithManager } from "../../support/factories";
import { parsePhonebookXml } from "../../support/phonebook-xml";
import { viaBasic, viaPath, type Answer } from "./phonebook-requests";

type CiscoPage = { DirectoryEntry?: { Name: string; Telephone: string[] }[]; SoftKeyItem: { Name: string; URL: string }[] };
const ciscoPage = (answer: Answer) => (parsePhonebookXml(answer.text) as { CiscoIPPhoneDirectory: CiscoPage }).CiscoIPPhoneDirectory;

describe("Cisco's paged directory", () => {
  let company: CustomerActor & { slug: string };
  let secret: string;
  const people = new Map<string, number>();

  beforeAll(async () => {
    company = await createCustomerWithManager();
    const entry = (displayName: string, extension: string, more: Partial<NewDirectoryEntry> = {}): NewDirectoryEntry => {
      people.set(extension, 0);
      return { customerId: company.customerId, displayName, source: "entra", aadObjectId: crypto.randomUUID(), extension, ...more };
    };
    await db()
      .insert(directoryEntries)
      .values([
        // Forty people whose names sort equal: the keyset tells them apart by id.
        ...Array.from({ length: 40 }, (_, i) => entry("Sam Same", `2${String(i).padStart(3, "0")}`)),
        // People with three numbers, who never split over two pages.
        ...Array.from({ length: 25 }, (_, i) =>
          entry(`Tri ${i}`, `3${String(i).padStart(3, "0")}`, {
            officePhoneE164: `+1425555${String(i).padStart(4, "0")}`,
            mobilePhoneE164: `+1206555${String(i).padStart(4, "0")}`,
          }),
        ),
        ...Array.from({ length: 30 }, (_, i) => entry(`${String.fromCharCode(65 + (i % 26))}${i} & <Co>`, `4${String(i).padStart(3, "0")}`)),
      ]);
    secret = (await createCredential(company, "phonebook_http")).secret;
  });

  async function walk(first: () => Promise<Answer>, follow: (url: URL) => Promise<Answer>) {
    const seen = new Map(people);
    const urls: string[] = [];
    let answer = await first();
    for (let pages = 1; ; pages++) {
      expect(answer.status).toBe(200);
      const page = ciscoPage(answer);
      const items = page.DirectoryEntry ?? [];
      expect(items.length).toBeLessThanOrEqual(32);
      for (const item of items) {
        // A person's first item is their extension; the others are their office and mobile lines.
        const number = item.Telephone[0]!;
        if (seen.has(number)) seen.set(number, seen.get(number)! + 1);
      }
      const next = page.SoftKeyItem.find((k) => k.Name === "Next");
      if (!next) return { seen, urls, pages };
      urls.push(next.URL);
      expect(pages).toBeLessThan(50);
      answer = await follow(new URL(next.URL));
    }
  }

  it("pages through everyone exactly once by the path secret, every Next URL keeping the secret in the path", async () => {
    const { seen, urls, pages } = await walk(
      () => viaPath(secret, "cisco.xml"),
      (url) => {
        expect(url.pathname).toBe(`/phonebook/${secret}/cisco.xml`);
        return viaPath(secret, "cisco.xml", { query: url.search });
      },
    );
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(pages).toBeGreaterThanOrEqual(5);
    expect(urls.every((u) => u.length < 256)).toBe(true);
  });

  it("pages through everyone exactly once by HTTP Basic, the Next URL carrying no secret", async () => {
    const credentials = { user: company.slug, password: secret };
    const { seen, urls } = await walk(
      () => viaBasic(credentials, "cisco.xml"),
      (url) => {
        expect(url.pathname).toBe("/api/v1/phonebook/cisco.xml");
        return viaBasic(credentials, "cisco.xml", { query: url.search });
      },
    );
    expect([...seen.values()].every((count) => count === 1)).toBe(true);
    expect(urls.some((u) => u.includes(secret))).toBe(false);
  });

  it("starts again at the first page when the position's entry is gone, and each page has its own ETag", async () => {
    const first = await viaPath(secret, "cisco.xml");
    const gone = await viaPath(secret, "cisco.xml", { query: `?after=${crypto.randomUUID()}` });
    expect(gone.text).toBe(first.text);
    const next = new URL(ciscoPage(first).SoftKeyItem.find((k) => k.Name === "Next")!.URL);
    const second = await viaPath(secret, "cisco.xml", { query: next.search });
    expect(second.headers.get("etag")).not.toBe(first.headers.get("etag"));
    expect((await viaPath(secret, "cisco.xml", { query: next.search, headers: { "if-none-match": second.headers.get("etag")! } })).status).toBe(304);
  });
});
