import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryCredentialUses, phonebookSettings } from "@/db/schema";
import { Client } from "ldapts";
import { writeCredentialUses } from "@/lib/directory-credentials/credential-uses";
import { revokeCredential } from "@/lib/directory-credentials/credentials";
import { ldapsearch, startTestLdapServer, type LdapTestServer } from "./phonebook-ldap-fixture";
import { createTestUser } from "../../support/factories";
import { addEntries, phonebookCompany, type PhonebookCompany } from "./phonebook-ldap-data";

const attributes = ["cn", "sn", "telephoneNumber", "mobile", "ipPhone"];

describe("LDAP phonebook searched by OpenLDAP's ldapsearch", () => {
  let server: LdapTestServer;
  let a: PhonebookCompany;
  let b: PhonebookCompany;

  beforeAll(async () => {
    server = await startTestLdapServer();
    [a, b] = await Promise.all([phonebookCompany(), phonebookCompany()]);
    await addEntries(a, [
      {
        displayName: "Ann Able",
        firstName: "Ann",
        lastName: "Able",
        officePhone: "(425) 555-0100",
        officePhoneE164: "+14255550100",
        mobilePhone: "425 555 0199",
        mobilePhoneE164: "+14255550199",
        extension: "100",
        email: "ann@example.com",
        jobTitle: "Receptionist",
        department: "Front desk",
      },
      { displayName: "Hannah Hill", officePhone: "+1 425 555 0111", officePhoneE164: "+14255550111" },
      { displayName: "*)(objectClass=*" },
      { displayName: "Per%cent_Under" },
      { displayName: "Dee Disabled", status: "disabled", officePhone: "(425) 555-0100", officePhoneE164: "+14255550100" },
      { displayName: "Rae Removed", status: "removed" },
      { displayName: "Annie Manual", source: "manual" },
      ...Array.from({ length: 12 }, (_, i) => ({ displayName: `Page Person ${String(i).padStart(2, "0")}` })),
    ]);
    await addEntries(b, [{ displayName: "Ann Other", officePhone: "(425) 555-0100", officePhoneE164: "+14255550100" }]);
  });
  afterAll(() => server?.close());

  const asA = (how: "ldaps" | "starttls", filter: string, extra: string[] = []) =>
    ldapsearch(server, { how, bindDn: a.bindDn, password: a.password, base: a.baseDn, filter, attributes, extra });
  const names = (result: { entries: Record<string, string[]>[] }) => result.entries.map((e) => e.cn?.[0]).sort();

  it.each(["ldaps", "starttls"] as const)("finds a person as you type, case-insensitively, over %s", async (how) => {
    const result = await asA(how, "(|(cn=*ann*)(sn=*ann*))");
    expect(result.code).toBe(0);
    expect(names(result)).toEqual(["Ann Able", "Hannah Hill"]);
    const ann = result.entries.find((e) => e.cn?.[0] === "Ann Able")!;
    expect(ann).toMatchObject({ sn: ["Able"], telephonenumber: ["+14255550100"], mobile: ["+14255550199"], ipphone: ["100"] });
    expect(ann.dn![0]).toMatch(new RegExp(`^uid=[0-9a-f-]{36},ou=people,o=${a.slug},dc=switchboard$`));
    expect(names(await asA(how, "(|(cn=an*)(sn=an*))"))).toEqual(["Ann Able"]);
  });

  it.each(["+1 (425) 555-0100", "0014255550100", "4255550100"])(
    "names an incoming caller from %s, only in the bound company, never a disabled entry",
    async (typed) => {
      // As a phone puts the number into its filter: RFC 4515 escapes for the brackets.
      const number = typed.replace("(", "\\28").replace(")", "\\29");
      const result = await asA("ldaps", `(|(telephoneNumber=${number})(mobile=${number})(ipPhone=${number}))`);
      expect(result.code).toBe(0);
      expect(names(result)).toEqual(["Ann Able"]);
    },
  );

  it("matches a mobile number and an extension as well", async () => {
    expect(names(await asA("ldaps", "(|(telephoneNumber=4255550199)(mobile=4255550199)(ipPhone=4255550199))"))).toEqual(["Ann Able"]);
    expect(names(await asA("ldaps", "(|(telephoneNumber=100)(mobile=100)(ipPhone=100))"))).toEqual(["Ann Able"]);
  });

  it("finds a person by their login's extension when the entry has none, and never by a login's extension the entry overrides", async () => {
    const [linked, own] = await addEntries(a, [{ displayName: "Lou Login" }, { displayName: "Owen Own", extension: "4713" }]);
    for (const [entry, extension] of [
      [linked!, "4711"],
      [own!, "4712"],
    ] as const) {
      const login = await createTestUser(a, { extension });
      await db().update(accounts).set({ directoryEntryId: entry.id }).where(eq(accounts.id, login.id));
    }
    const byExtension = async (extension: string) => names(await asA("ldaps", `(|(telephoneNumber=${extension})(mobile=${extension})(ipPhone=${extension}))`));
    expect(await byExtension("4711")).toEqual(["Lou Login"]);
    expect(await byExtension("4713")).toEqual(["Owen Own"]);
    expect(await byExtension("4712")).toEqual([]);
    // Another company's people never answer, whatever their extensions.
    expect(
      names(await ldapsearch(server, { how: "ldaps", bindDn: b.bindDn, password: b.password, base: b.baseDn, filter: "(ipPhone=4711)", attributes })),
    ).toEqual([]);
  });

  it("refuses a wrong password, another company's password and an unknown DN alike, and binds before StartTLS", async () => {
    for (const [bindDn, password] of [
      [a.bindDn, "wrong"],
      [a.bindDn, b.password],
      ["cn=phones,o=nobody-here,dc=switchboard", a.password],
      ["cn=admin,dc=switchboard", a.password],
    ]) {
      const result = await ldapsearch(server, { how: "ldaps", bindDn, password, base: a.baseDn });
      expect(result.code).toBe(49);
      expect(result.entries).toEqual([]);
    }
    // Plain LDAP without StartTLS: the password is never accepted in clear text.
    const client = new Client({ url: `ldap://127.0.0.1:${server.ldapPort}` });
    await expect(client.bind(a.bindDn, a.password)).rejects.toMatchObject({ code: 13 });
    await client.unbind();
  });

  it("never returns another company's entries: bound as A, B's base is noSuchObject", async () => {
    for (const base of [b.baseDn, `o=${b.slug},dc=switchboard`]) {
      const result = await ldapsearch(server, { how: "ldaps", bindDn: a.bindDn, password: a.password, base, filter: "(objectClass=*)" });
      expect(result.code).toBe(32);
      expect(result.entries).toEqual([]);
    }
    const wide = await ldapsearch(server, { how: "ldaps", bindDn: a.bindDn, password: a.password, base: "dc=switchboard", filter: "(cn=Ann*)", attributes });
    expect(names(wide)).toEqual(["Ann Able"]);
  });

  it("answers filter injection as plain values", async () => {
    // What a phone sends when the user types `*)(objectClass=*`: the characters escaped, an equality on that very text.
    expect(names(await asA("ldaps", "(|(cn=\\2a\\29\\28objectClass=\\2a)(sn=\\2a\\29\\28objectClass=\\2a))"))).toEqual(["*)(objectClass=*"]);
    expect(names(await asA("ldaps", "(cn=*\\2a*)"))).toEqual(["*)(objectClass=*"]);
    expect(names(await asA("ldaps", "(cn=*%*)"))).toEqual(["Per%cent_Under"]);
    expect(names(await asA("ldaps", "(cn=*_*)"))).toEqual(["Per%cent_Under"]);
    expect(names(await asA("ldaps", "(cn=*\\5c*)"))).toEqual([]);
    const nul = await asA("ldaps", "(|(cn=*\\00*)(telephoneNumber=\\00))");
    expect(nul.code).toBe(0);
    expect(nul.entries).toEqual([]);
  });

  it("stops at the size limit with sizeLimitExceeded", async () => {
    const result = await asA("ldaps", "(cn=Page*)", ["-z", "3"]);
    expect(result.code).toBe(4);
    expect(result.entries).toHaveLength(3);
  });

  it("pages through every entry once with the Simple Paged Results control", async () => {
    const result = await asA("ldaps", "(cn=Page*)", ["-E", "pr=5/noprompt"]);
    expect(result.code).toBe(0);
    expect(names(result)).toEqual(Array.from({ length: 12 }, (_, i) => `Page Person ${String(i).padStart(2, "0")}`));
  });

  it("hides mobile numbers when the company hides them, from answers and from filters", async () => {
    await db()
      .insert(phonebookSettings)
      .values({ customerId: a.customerId, hideMobile: true })
      .onConflictDoUpdate({ target: phonebookSettings.customerId, set: { hideMobile: true } });
    try {
      const ann = await asA("ldaps", "(cn=Ann Able)");
      expect(ann.entries[0]).toBeDefined();
      expect(ann.entries[0]!.mobile).toBeUndefined();
      expect(names(await asA("ldaps", "(mobile=4255550199)"))).toEqual([]);
    } finally {
      await db().delete(phonebookSettings).where(eq(phonebookSettings.customerId, a.customerId));
    }
  });

  it("shows the root DSE to anyone, refuses an anonymous search and every write", async () => {
    const root = await ldapsearch(server, { how: "ldaps", base: "", scope: "base", attributes: ["+", "*"] });
    expect(root.code).toBe(0);
    expect(root.entries[0]).toMatchObject({
      namingcontexts: ["dc=switchboard"],
      supportedcontrol: ["1.2.840.113556.1.4.319"],
      supportedextension: ["1.3.6.1.4.1.1466.20037"],
    });
    expect((await ldapsearch(server, { how: "ldaps", base: a.baseDn })).code).toBe(50);
    const client = new Client({ url: `ldaps://127.0.0.1:${server.ldapsPort}`, tlsOptions: { ca: server.caPem } });
    await client.bind(a.bindDn, a.password);
    await expect(client.add(`uid=x,${a.baseDn}`, { cn: "x", objectClass: "person" })).rejects.toMatchObject({ code: 53 });
    await expect(client.del(`uid=x,${a.baseDn}`)).rejects.toMatchObject({ code: 53 });
    await client.unbind();
  });

  it("stops an open connection's searches once the password is revoked", async () => {
    const c = await phonebookCompany();
    await addEntries(c, [{ displayName: "Carl" }]);
    const client = new Client({ url: `ldaps://127.0.0.1:${server.ldapsPort}`, tlsOptions: { ca: server.caPem } });
    await client.bind(c.bindDn, c.password);
    expect((await client.search(c.baseDn, { filter: "(cn=Carl)" })).searchEntries).toHaveLength(1);
    await revokeCredential(c, "phonebook_ldap");
    await expect(client.search(c.baseDn, { filter: "(cn=Carl)" })).rejects.toMatchObject({ code: 50 });
    await client.unbind();
    expect((await ldapsearch(server, { how: "ldaps", bindDn: c.bindDn, password: c.password, base: c.baseDn })).code).toBe(49);
  });

  it("counts a connection's searches against the password's rate, with its binds, and answers busy over it", async () => {
    // Searches between the database's checks are counted in this process, as every credential use is.
    const limited = await startTestLdapServer({ requestsPerMinute: 4, credentialRecheckMs: 60_000 });
    try {
      const c = await phonebookCompany();
      await addEntries(c, [{ displayName: "Carl" }]);
      const client = new Client({ url: `ldaps://127.0.0.1:${limited.ldapsPort}`, tlsOptions: { ca: limited.caPem } });
      await client.bind(c.bindDn, c.password);
      for (let i = 0; i < 3; i++) expect((await client.search(c.baseDn, { filter: "(cn=Carl)" })).searchEntries).toHaveLength(1);
      await expect(client.search(c.baseDn, { filter: "(cn=Carl)" })).rejects.toMatchObject({ code: 51 });
      await client.unbind();
      // A new connection's bind is over the rate as well.
      expect((await ldapsearch(limited, { how: "ldaps", bindDn: c.bindDn, password: c.password, base: c.baseDn })).code).toBe(51);
      // The uses reach the credential's row, where other processes count them.
      await writeCredentialUses();
      const [row] = await db().select().from(directoryCredentialUses).where(eq(directoryCredentialUses.customerId, c.customerId));
      expect(row?.windowCount).toBe(6);
    } finally {
      await limited.close();
    }
  });
});
