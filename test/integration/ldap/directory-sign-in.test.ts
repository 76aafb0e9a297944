import type { Worker } from "bullmq";
import { and, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, directoryEntries, provisioningSettings } from "@/db/schema";
import { signInWithDirectory } from "@/lib/auth/sign-in-with-directory";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { createCustomerWithManager, unique } from "../../support/factories";
import { configureLdap, importedEntries, importNow } from "../../support/ldap-fixture";
import { useSambaDirectory } from "../../support/samba/samba-directory";
import { startTestWorker } from "../../support/sync-fixture";

const address = () => `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const bobPassword = "B0b!Passw0rd";

/**
 * Stored as the password hash of logins made for directory entries: not an
 * argon2 hash, so no password matches it; such a login signs in with the
 * directory password only.
 */
const directoryOnlyPasswordHash = "!directory-password-only";

// The AD screen's old "create a portal user for every imported entry" is now provisioning for the
// source 'active-directory' (migration 0014 carried its settings over). Skipped until provisioning's
// engine (lib/provisioning, the lead's) is on this branch: then `it.skip` becomes `it`.
describe("portal users for imported entries, made by provisioning", () => {
  const directory = useSambaDirectory();
  let worker: Worker;

  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it.skip("creates a portal user for each imported entry with the next free extensions, never twice nor for a linked entry", async () => {
    const tag = unique();
    const ou = await directory().createOu();
    await directory().addUsers(ou, [
      { sAMAccountName: `bob${tag}`, givenName: "Bob", sn: "Example", mail: "bob@contoso.test", password: bobPassword },
      { sAMAccountName: `carol${tag}`, givenName: "Carol", sn: "Disabled", password: "C4rol!Passw0rd", disabled: true },
      { sAMAccountName: `dave${tag}`, givenName: "Dave", sn: "Linked", password: "D4ve!Passw0rd" },
      { sAMAccountName: `erin${tag}`, givenName: "Erin", sn: "Later", password: "Er1n!Passw0rd" },
    ]);
    const company = await createCustomerWithManager();
    await configureLdap(company, { baseDn: ou, authenticationEnabled: true });
    const provisioning = { customerId: company.customerId, source: "active-directory" as const };
    await db()
      .insert(provisioningSettings)
      .values({ ...provisioning, enabled: true, extensionMode: "range", rangeStart: 7000, rangeEnd: 7002, package: "Standard", userType: "Softphone" });

    // 7000 is taken by another login, so the range 7000–7002 has two numbers left: the first two by account name get them.
    await db()
      .insert(accounts)
      .values({ customerId: company.customerId, role: "user", portalId: `taken@${company.slug}`, passwordHash: "x", name: "Taken", extension: "7000" });
    expect((await importNow(company)).status).toBe("succeeded");
    const created = () =>
      db()
        .select()
        .from(accounts)
        .where(and(eq(accounts.customerId, company.customerId), isNotNull(accounts.directoryEntryId)));
    expect((await created()).map((a) => [a.portalId, a.extension, a.package, a.userType]).sort()).toEqual([
      [`bob${tag}@${company.slug}`, "7001", "Standard", "Softphone"],
      [`carol${tag}@${company.slug}`, "7002", "Standard", "Softphone"],
    ]);

    // A manager links a login of Dave's own; then the range grows and the import runs again.
    const daveEntry = (await importedEntries(company.customerId)).find((e) => e.accountName === `dave${tag}`)!;
    await db()
      .insert(accounts)
      .values({
        customerId: company.customerId,
        role: "user",
        portalId: `dave-own@${company.slug}`,
        passwordHash: "x",
        name: "Dave (own)",
        ldapObjectGuid: daveEntry.ldapObjectGuid,
      });
    await db()
      .update(provisioningSettings)
      .set({ rangeEnd: 7010 })
      .where(and(eq(provisioningSettings.customerId, company.customerId), eq(provisioningSettings.source, "active-directory")));
    expect((await importNow(company)).status).toBe("succeeded");

    // Only Erin is new: Bob and Carol keep theirs, Dave keeps his own login.
    expect((await created()).map((a) => [a.portalId, a.extension]).sort()).toEqual([
      [`bob${tag}@${company.slug}`, "7001"],
      [`carol${tag}@${company.slug}`, "7002"],
      [`erin${tag}@${company.slug}`, "7003"],
    ]);
    const linkedToDave = await db()
      .select()
      .from(accounts)
      .where(and(eq(accounts.customerId, company.customerId), eq(accounts.ldapObjectGuid, daveEntry.ldapObjectGuid!)));
    expect(linkedToDave.map((a) => a.portalId)).toEqual([`dave-own@${company.slug}`]);
  });
});

describe("sign-in with the directory password", () => {
  const directory = useSambaDirectory();
  let worker: Worker;
  let company: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let bob: string;
  let tag: string;
  const signIn = (username: string, password: string) => signInWithDirectory({ company: company.slug, username, password, clientAddress: address() });

  beforeAll(async () => {
    worker = startTestWorker();
    tag = unique();
    const ou = await directory().createOu();
    // Account names are unique in the whole domain, so each run's people carry a tag.
    bob = `bob${tag}`;
    await directory().addUsers(ou, [
      { sAMAccountName: bob, givenName: "Bob", sn: "Example", mail: "bob@contoso.test", password: bobPassword },
      { sAMAccountName: `carol${tag}`, givenName: "Carol", sn: "Disabled", password: "C4rol!Passw0rd", disabled: true },
      { sAMAccountName: `dave${tag}`, givenName: "Dave", sn: "Linked", password: "D4ve!Passw0rd" },
      { sAMAccountName: `erin${tag}`, givenName: "Erin", sn: "Later", password: "Er1n!Passw0rd" },
    ]);
    company = await createCustomerWithManager();
    await configureLdap(company, { baseDn: ou, authenticationEnabled: true });
    expect((await importNow(company)).status).toBe("succeeded");
    // Logins linked to the imported entries, as provisioning (or a manager) makes them; Dave's is one of his own.
    const entries = await importedEntries(company.customerId);
    await db()
      .insert(accounts)
      .values(
        entries.map((e) => ({
          customerId: company.customerId,
          role: "user" as const,
          portalId: e.accountName === `dave${tag}` ? `dave-own@${company.slug}` : `${e.accountName}@${company.slug}`,
          passwordHash: directoryOnlyPasswordHash,
          name: e.displayName,
          ldapObjectGuid: e.ldapObjectGuid,
        })),
      );
  });
  afterAll(() => worker.close());

  it("signs in with the right directory password, whichever way the user name is written", async () => {
    for (const name of [bob, `CONTOSO\\${bob}`, `${bob}@contoso.test`, bob.toUpperCase()]) {
      expect(await signIn(name, bobPassword), name).toMatchObject({ role: "user", customerId: company.customerId, portalId: `bob${tag}@${company.slug}` });
    }
    // The login's own password (none) never works: it signs in with the directory password only.
    await expect(signInWithPassword({ portalId: `bob${tag}@${company.slug}`, password: bobPassword, clientAddress: address() })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("refuses a wrong or empty password, a disabled account and an injection attempt", async () => {
    await expect(signIn(bob, "wrong-password")).rejects.toMatchObject({ code: "unauthenticated", message: "The user name or password is incorrect." });
    await expect(signIn(bob, "")).rejects.toMatchObject({ code: "invalid_input", message: "Enter your password." });
    await expect(signIn(bob, "   ")).rejects.toMatchObject({ code: "invalid_input" });
    await expect(signIn(`carol${tag}`, "C4rol!Passw0rd")).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("disabled") });
    for (const attempt of ["*)(sAMAccountName=*", "*", `${bob})(|(sAMAccountName=*`, "*)(objectClass=*"]) {
      await expect(signIn(attempt, bobPassword), attempt).rejects.toMatchObject({ code: "unauthenticated" });
    }
    // Someone unknown to the directory reads exactly like a wrong password.
    await expect(signIn(`nobody${tag}`, bobPassword)).rejects.toMatchObject({ code: "unauthenticated", message: "The user name or password is incorrect." });
  });

  it("refuses a login whose entry is disabled or removed in the directory, and one with no login at all", async () => {
    const bobEntry = (await importedEntries(company.customerId)).find((e) => e.accountName === bob)!;
    await db().update(directoryEntries).set({ status: "disabled" }).where(eq(directoryEntries.id, bobEntry.id));
    await expect(signIn(bob, bobPassword)).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("disabled or removed") });
    await db().update(directoryEntries).set({ status: "active" }).where(eq(directoryEntries.id, bobEntry.id));
    // Dave's own login is linked; remove the link and his directory account has no login at all.
    await db()
      .update(accounts)
      .set({ ldapObjectGuid: null })
      .where(and(eq(accounts.customerId, company.customerId), eq(accounts.portalId, `dave-own@${company.slug}`)));
    await expect(signIn(`dave${tag}`, "D4ve!Passw0rd")).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("no portal login") });
  });

  it("is refused for a company that has not turned directory sign-in on, and locks out after repeated failures", async () => {
    const other = await createCustomerWithManager();
    await expect(signInWithDirectory({ company: other.slug, username: bob, password: bobPassword, clientAddress: address() })).rejects.toMatchObject({
      code: "forbidden",
    });

    const from = address();
    for (let i = 0; i < 10; i++)
      await signInWithDirectory({ company: company.slug, username: bob, password: "wrong", clientAddress: from }).catch(() => undefined);
    await expect(
      signInWithDirectory({ company: company.slug, username: `CONTOSO\\${bob}`, password: bobPassword, clientAddress: address() }),
    ).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("checks at most 10 of 30 simultaneous wrong directory passwords for one user name, then refuses the right one", async () => {
    const erin = `erin${tag}`;
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () =>
        signInWithDirectory({ company: company.slug, username: erin, password: "wrong", clientAddress: address() }).then(
          () => "signed in",
          (e: { code?: string }) => e.code,
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "unauthenticated")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "rate_limited")).toHaveLength(20);
    await expect(signIn(erin, "Er1n!Passw0rd")).rejects.toMatchObject({ code: "rate_limited" });
  });
});
