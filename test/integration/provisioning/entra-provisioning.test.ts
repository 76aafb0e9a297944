import type { Worker } from "bullmq";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, companyExtensions, devices, directoryEntries, entraSettings, syncRuns } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { actorOfSession } from "@/lib/auth/actor-of-session";
import { advanceClockForTests, resetClockForTests } from "@/lib/clock";
import { connectorOf } from "@/lib/connectors/registry";
import { resolveMicrosoftLogin } from "@/lib/microsoft-sign-in/resolve-microsoft-login";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { provisionPeople } from "@/lib/provisioning/provision-people";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { createTestUser } from "../../support/factories";
import { enableProvisioning, provisionedLogins, recordsOf } from "../../support/provisioning-fixture";
import { createEntraCompany, emulatorAdmin, startTestWorker, syncNow, truthOf } from "../../support/sync-fixture";

const day = 24 * 60 * 60 * 1000;

describe("provisioning from Entra", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());
  afterEach(() => resetClockForTests());

  it("decides a batch again when the database refuses its extension, and the batch decided behind it too", { timeout: 120_000 }, async () => {
    // Three batches of a thousand; the second's write meets an extension taken in its own transaction (a stand-in
    // for a manager's, rolled back with the batch), once: a sequence is not rolled back.
    const { manager, tenant } = await createEntraCompany({ users: 2_500 });
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 200_000, rangeEnd: 209_999 });
    const name = `clash_${manager.customerId.replace(/-/g, "")}`;
    await db().execute(sql.raw(`create sequence ${name}`));
    await db().execute(
      sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if nextval('${name}') = 1 then
          insert into directory_entries (customer_id, display_name, source, extension) values (new.customer_id, 'Taken meanwhile', 'manual', new.extension);
        end if;
        return new;
      end $$`),
    );
    await db().execute(
      sql.raw(`create trigger ${name} before insert on accounts for each row
      when (new.customer_id = '${manager.customerId}' and new.extension = '201500') execute function ${name}()`),
    );
    try {
      expect((await syncNow(manager)).status).toBe("succeeded");
      const [{ clashed }] = (await db().execute(sql.raw(`select is_called as clashed from ${name}`))) as unknown as [{ clashed: boolean }];
      expect(clashed).toBe(true);
    } finally {
      await db().execute(sql.raw(`drop trigger ${name} on accounts`));
      await db().execute(sql.raw(`drop function ${name}()`));
      await db().execute(sql.raw(`drop sequence ${name}`));
    }
    const people = (await truthOf(admin, tenant.tenantId)).filter((u) => u.state === "active" && u.userType === "Member" && u.accountEnabled);
    const logins = await provisionedLogins(manager.customerId);
    expect(new Set(logins.map((l) => l.aadObjectId))).toEqual(new Set(people.map((p) => p.id)));
    const extensions = logins.map((l) => Number(l.extension)).sort((a, b) => a - b);
    expect(extensions).toEqual(Array.from({ length: people.length }, (_, i) => 200_000 + i));
    expect(new Set(logins.map((l) => l.portalId)).size).toBe(people.length);
  });

  it("makes 2,000 people users in one run — extension, devices, linked — and a second run changes nothing", { timeout: 120_000 }, async () => {
    const { manager, tenant } = await createEntraCompany({ users: 2_000 });
    await enableProvisioning(manager.customerId, "entra", {
      rangeStart: 100_000,
      rangeEnd: 109_999,
      package: "Standard",
      userType: "Office",
      site: "HQ",
      createSoftphone: true,
      createMobile: true,
    });
    const first = await syncNow(manager);
    expect(first.status).toBe("succeeded");

    // Everyone active, a member (guests are skipped by the sync) and enabled becomes a user.
    const people = (await truthOf(admin, tenant.tenantId)).filter((u) => u.state === "active" && u.userType === "Member" && u.accountEnabled);
    const logins = await provisionedLogins(manager.customerId);
    expect(logins).toHaveLength(people.length);
    expect(new Set(logins.map((l) => l.aadObjectId))).toEqual(new Set(people.map((p) => p.id)));
    expect(logins.every((l) => l.aadTenantId === tenant.tenantId && l.role === "user" && l.package === "Standard" && l.site === "HQ")).toBe(true);
    expect(logins.every((l) => l.devices.join() === "mobile:active,softphone:active")).toBe(true);
    // Extensions: the first numbers of the range, one each, never renumbered later.
    const extensions = logins.map((l) => Number(l.extension)).sort((a, b) => a - b);
    expect(extensions).toEqual(Array.from({ length: people.length }, (_, i) => 100_000 + i));
    expect(logins.every((l) => l.extensionSticky)).toBe(true);
    // Portal IDs come from the UPN's local part.
    const byObject = new Map(people.map((p) => [p.id, p]));
    expect(logins.every((l) => l.portalId === `${byObject.get(l.aadObjectId!)!.userPrincipalName.split("@")[0]!.toLowerCase()}@${manager.slug}`)).toBe(true);
    const created = (await recordsOf(first.id)).filter((r) => r.action === "created");
    expect(created).toHaveLength(people.length);

    // Devices hold a sealed credential, never the plain one.
    const [device] = await db().select().from(devices).where(eq(devices.customerId, manager.customerId)).limit(1);
    expect(device!.credentialCiphertext).toMatch(/^[A-Za-z0-9+/=]{40,}$/);

    const second = await syncNow(manager, "full_resync");
    expect(second.status).toBe("succeeded");
    expect(await recordsOf(second.id)).toEqual([]);
    expect((await provisionedLogins(manager.customerId)).map((l) => [l.id, l.extension, l.updatedAt.getTime()]).sort()).toEqual(
      logins.map((l) => [l.id, l.extension, l.updatedAt.getTime()]).sort(),
    );

    // Two passes at once (a retried attempt beside its original) create no one twice.
    await db()
      .delete(accounts)
      .where(and(eq(accounts.customerId, manager.customerId), eq(accounts.role, "user")));
    await enableProvisioning(manager.customerId, "entra", {});
    const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, second.id));
    const pass = () => provisionPeople({ run: run!, connector: connectorOf("entra"), round: "full", simulate: false, seen: new Set(people.map((p) => p.id)) });
    await Promise.all([pass(), pass()]);
    const again = await provisionedLogins(manager.customerId);
    expect(again).toHaveLength(people.length);
    expect(new Set(again.map((l) => l.extension)).size).toBe(people.length);
  });

  it("links at creation: the person signs in with Microsoft at once, and never with a password", async () => {
    const { manager, tenant } = await createEntraCompany();
    const person = await admin.createUser(tenant.tenantId, { displayName: "Pat Provisioned", userPrincipalName: `pat@${tenant.tenantId}.test` });
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 200, rangeEnd: 299 });
    expect(await syncNow(manager)).toMatchObject({ status: "succeeded", error: null });

    const company = await microsoftCompany({ slug: manager.slug });
    const login = await resolveMicrosoftLogin(company!, { tid: tenant.tenantId, oid: person.id });
    expect(login).toMatchObject({ actor: { portalId: `pat@${manager.slug}`, role: "user", customerId: manager.customerId } });
    await expect(signInWithPassword({ portalId: `pat@${manager.slug}`, password: "", clientAddress: "10.9.0.1" })).rejects.toMatchObject({
      code: "unauthenticated",
    });
  });

  it("suspends a disabled person and restores them as they were; a removed one is deleted after the grace period, releasing the extension", async () => {
    const { manager, tenant } = await createEntraCompany();
    const person = await admin.createUser(tenant.tenantId, { displayName: "Lee Leaver", userPrincipalName: `lee@${tenant.tenantId}.test` });
    await admin.createUser(tenant.tenantId, { displayName: "Sam Stayer", userPrincipalName: `sam@${tenant.tenantId}.test` });
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 300, rangeEnd: 399, createSoftphone: true, graceDays: 30 });
    // One of two people removed is above the usual threshold; this company allows it.
    await db().update(entraSettings).set({ removalThresholdPercent: 100 }).where(eq(entraSettings.customerId, manager.customerId));
    await syncNow(manager);
    const loginOf = async () => (await provisionedLogins(manager.customerId)).find((l) => l.aadObjectId === person.id)!;
    const before = await loginOf();
    expect(before).toMatchObject({ extension: "300", suspendedAt: null, devices: ["softphone:active"] });
    const session = { accountId: before.id, sessionVersion: before.sessionVersion };
    expect(await actorOfSession(session)).not.toBeNull();

    await admin.disableUser(tenant.tenantId, person.id);
    const disabledRun = await syncNow(manager);
    const suspended = await loginOf();
    expect(suspended).toMatchObject({ suspendedReason: "disabled_at_source", deleteAfter: null, extension: "300", devices: ["softphone:disabled"] });
    expect(await actorOfSession(session)).toBeNull();
    expect((await recordsOf(disabledRun.id)).map((r) => [r.displayName, r.action])).toEqual([["Lee Leaver", "suspended"]]);
    const company = await microsoftCompany({ slug: manager.slug });
    // The entry's status refuses first; the suspension holds even if the entry were active again without a run.
    await db().update(directoryEntries).set({ status: "active" }).where(eq(directoryEntries.aadObjectId, person.id));
    expect(await resolveMicrosoftLogin(company!, { tid: tenant.tenantId, oid: person.id })).toEqual({ refusal: "suspended" });

    await admin.enableUser(tenant.tenantId, person.id);
    const enabledRun = await syncNow(manager, "full_resync");
    expect(await loginOf()).toMatchObject({ suspendedAt: null, suspendedReason: null, extension: "300", devices: ["softphone:active"] });
    expect((await recordsOf(enabledRun.id)).map((r) => r.action)).toEqual(["restored"]);

    await admin.softDeleteUser(tenant.tenantId, person.id);
    const removedRun = await syncNow(manager);
    const removed = await loginOf();
    expect(removed).toMatchObject({ suspendedReason: "removed_at_source", devices: ["softphone:disabled"] });
    expect(removed.deleteAfter!.getTime() - removed.suspendedAt!.getTime()).toBe(30 * day);
    expect((await recordsOf(removedRun.id)).map((r) => r.action)).toEqual(["suspended"]);

    // 29 days on, a run deletes no one; past 30, the login goes and 300 is free again.
    advanceClockForTests(29 * day);
    await syncNow(manager);
    expect(await loginOf()).toBeDefined();
    advanceClockForTests(2 * day);
    const lateRun = await syncNow(manager);
    expect(await loginOf()).toBeUndefined();
    expect((await recordsOf(lateRun.id)).map((r) => [r.action, r.detail.extension])).toEqual([["deleted", "300"]]);
    const held = await db()
      .select()
      .from(companyExtensions)
      .where(and(eq(companyExtensions.customerId, manager.customerId), eq(companyExtensions.extension, "300")));
    expect(held).toEqual([]);
    expect((await provisionedLogins(manager.customerId)).map((l) => l.name)).toEqual(["Sam Stayer"]);
  });

  it("suspends no one after a failed round or one held above the removal threshold, until the removals are confirmed", async () => {
    const { manager, tenant } = await createEntraCompany();
    const people = [];
    for (let i = 0; i < 5; i++)
      people.push(await admin.createUser(tenant.tenantId, { displayName: `Person ${i}`, userPrincipalName: `person${i}@${tenant.tenantId}.test` }));
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 400, rangeEnd: 499 });
    await syncNow(manager);

    for (const p of people.slice(0, 3)) await admin.softDeleteUser(tenant.tenantId, p.id);
    await admin.setFaults(tenant.tenantId, { unavailable: { burst: 100_000, retryAfterSeconds: 0 } });
    const failed = await syncNow(manager, "full_resync");
    expect(failed.status).toBe("failed");
    await admin.clearFaults(tenant.tenantId);
    expect((await provisionedLogins(manager.customerId)).filter((l) => l.suspendedAt)).toEqual([]);

    const held = await syncNow(manager, "full_resync");
    expect(held.status).toBe("needs_confirmation");
    expect((await provisionedLogins(manager.customerId)).filter((l) => l.suspendedAt)).toEqual([]);

    await confirmRemovals(manager, { runId: held.id }, connectorOf);
    const suspended = (await provisionedLogins(manager.customerId)).filter((l) => l.suspendedAt).map((l) => l.name);
    expect(suspended.sort()).toEqual(["Person 0", "Person 1", "Person 2"]);
  });

  it("Simulate says whom it would create and suspend, and changes nothing", async () => {
    const { manager, tenant } = await createEntraCompany();
    const stays = await admin.createUser(tenant.tenantId, { displayName: "Ann Active", userPrincipalName: `ann@${tenant.tenantId}.test` });
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 500, rangeEnd: 599, createMobile: true });
    await syncNow(manager);
    await admin.createUser(tenant.tenantId, { displayName: "Ned New", userPrincipalName: `ned@${tenant.tenantId}.test` });
    await admin.disableUser(tenant.tenantId, stays.id);

    const simulation = await syncNow(manager, "simulate");
    expect(simulation.status).toBe("succeeded");
    expect((await recordsOf(simulation.id)).map((r) => [r.displayName, r.action, r.detail.extension ?? null])).toEqual([
      ["Ann Active", "suspended", null],
      ["Ned New", "created", "501"],
    ]);
    expect((await provisionedLogins(manager.customerId)).map((l) => [l.name, l.suspendedAt])).toEqual([["Ann Active", null]]);
  });

  it("never overwrites a field a manager set by hand, and adopts a hand-made login linked to the person", async () => {
    const { manager, tenant } = await createEntraCompany();
    const person = await admin.createUser(tenant.tenantId, { displayName: "Hana Hand", userPrincipalName: `hana@${tenant.tenantId}.test` });
    const other = await admin.createUser(tenant.tenantId, { displayName: "Omar Own", userPrincipalName: `omar@${tenant.tenantId}.test` });
    // Omar already has a login the manager made and linked by hand.
    const own = await createTestUser(manager, { localPart: "omar-own", extension: "650" });
    await db().update(accounts).set({ aadTenantId: tenant.tenantId, aadObjectId: other.id }).where(eq(accounts.id, own.id));
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 600, rangeEnd: 699, package: "Basic" });
    const first = await syncNow(manager);
    expect((await recordsOf(first.id)).map((r) => [r.displayName, r.action])).toEqual([
      ["Hana Hand", "created"],
      ["Omar Own", "linked"],
    ]);
    const [adopted] = await db().select().from(accounts).where(eq(accounts.id, own.id));
    expect(adopted).toMatchObject({
      extension: "650",
      package: null,
      handSetFields: ["name", "email", "extension", "site", "package", "userType", "groupMemberType"],
    });

    const hana = (await provisionedLogins(manager.customerId)).find((l) => l.aadObjectId === person.id)!;
    await db()
      .update(accounts)
      .set({ package: "Premium", handSetFields: ["package"] })
      .where(eq(accounts.id, hana.id));
    await enableProvisioning(manager.customerId, "entra", { package: "Basic", site: "Branch" });
    const later = await syncNow(manager);
    const [after] = await db().select().from(accounts).where(eq(accounts.id, hana.id));
    expect(after).toMatchObject({ package: "Premium", site: "Branch", extension: "600" });
    expect((await recordsOf(later.id)).map((r) => [r.displayName, r.action, r.detail.fields])).toEqual([["Hana Hand", "updated", { site: [null, "Branch"] }]]);
  });

  it("takes extensions from an attribute by its rule, reports a clash with a hand-made user and an unusable value, and falls back to the range", async () => {
    const { manager, tenant } = await createEntraCompany();
    const upn = (name: string) => `${name}@${tenant.tenantId}.test`;
    await admin.createUser(tenant.tenantId, { displayName: "Ava Ext", userPrincipalName: upn("ava"), businessPhones: ["+1 425 555 0100 x1234"] });
    await admin.createUser(tenant.tenantId, { displayName: "Ben Clash", userPrincipalName: upn("ben"), businessPhones: ["+1 425 555 0101 ext. 2001"] });
    await admin.createUser(tenant.tenantId, { displayName: "Cal Plain", userPrincipalName: upn("cal"), businessPhones: ["+1 425 555 0102"] });
    await admin.createUser(tenant.tenantId, { displayName: "Dee None", userPrincipalName: upn("dee") });
    // 2001 is a hand-made user's.
    await createTestUser(manager, { localPart: "front-desk", extension: "2001" });
    await enableProvisioning(manager.customerId, "entra", {
      extensionMode: "attribute_then_range",
      extensionAttribute: "businessPhones",
      extensionRule: "after_ext",
      rangeStart: 900,
      rangeEnd: 999,
    });
    const run = await syncNow(manager);
    const extensionOf = async (name: string) => (await provisionedLogins(manager.customerId)).find((l) => l.name === name)?.extension;
    expect(await extensionOf("Ava Ext")).toBe("1234");
    expect(await extensionOf("Ben Clash")).toBe("900");
    expect(await extensionOf("Cal Plain")).toBe("901");
    expect(await extensionOf("Dee None")).toBe("902");
    const notes = (await recordsOf(run.id)).filter((r) => r.action !== "created").map((r) => [r.displayName, r.action, r.detail.message]);
    expect(notes).toEqual([["Ben Clash", "extension_clash", "businessPhones gives 2001, which Test User already has: 900 was taken from the range instead."]]);

    // The attribute alone: no fallback, so the people it cannot number get none, said in words.
    const { manager: strict, tenant: strictTenant } = await createEntraCompany();
    await admin.createUser(strictTenant.tenantId, {
      displayName: "Eve Words",
      userPrincipalName: `eve@${strictTenant.tenantId}.test`,
      onPremisesExtensionAttributes: { extensionAttribute3: "Reception" },
    });
    await admin.createUser(strictTenant.tenantId, {
      displayName: "Fay Digits",
      userPrincipalName: `fay@${strictTenant.tenantId}.test`,
      onPremisesExtensionAttributes: { extensionAttribute3: "4711" },
    });
    await enableProvisioning(strict.customerId, "entra", { extensionMode: "attribute", extensionAttribute: "extensionAttribute3", extensionRule: "whole" });
    const strictRun = await syncNow(strict);
    expect((await provisionedLogins(strict.customerId)).map((l) => [l.name, l.extension, l.extensionSticky]).sort()).toEqual([
      ["Eve Words", null, false],
      ["Fay Digits", "4711", false],
    ]);
    expect((await recordsOf(strictRun.id)).filter((r) => r.action === "no_extension").map((r) => r.detail.message)).toEqual([
      'extensionAttribute3 "Reception" is not an extension of 2 to 8 digits: no extension given.',
    ]);
    // An attribute's extension follows the attribute (it is not sticky).
    const fay = (await truthOf(admin, strictTenant.tenantId)).find((u) => u.displayName === "Fay Digits")!;
    await admin.updateUser(strictTenant.tenantId, fay.id, { onPremisesExtensionAttributes: { extensionAttribute3: "4712" } });
    await syncNow(strict);
    expect((await provisionedLogins(strict.customerId)).find((l) => l.name === "Fay Digits")!.extension).toBe("4712");
  });

  it("provisions only members of the chosen groups, nested groups included, and suspends one who leaves them", async () => {
    const { manager, tenant } = await createEntraCompany();
    const upn = (name: string) => `${name}@${tenant.tenantId}.test`;
    const [inOuter, inInner, outside] = [
      await admin.createUser(tenant.tenantId, { displayName: "Gus Outer", userPrincipalName: upn("gus") }),
      await admin.createUser(tenant.tenantId, { displayName: "Ida Inner", userPrincipalName: upn("ida") }),
      await admin.createUser(tenant.tenantId, { displayName: "Jon Outside", userPrincipalName: upn("jon") }),
    ];
    const inner = await admin.createGroup(tenant.tenantId, { displayName: "Phones Inner" });
    const outer = await admin.createGroup(tenant.tenantId, { displayName: "Phones" });
    await admin.addGroupMember(tenant.tenantId, inner.id, inInner.id);
    await admin.addGroupMember(tenant.tenantId, outer.id, inOuter.id);
    await admin.addGroupMember(tenant.tenantId, outer.id, inner.id);
    await db().update(entraSettings).set({ removalThresholdPercent: 100 }).where(eq(entraSettings.customerId, manager.customerId));
    await enableProvisioning(manager.customerId, "entra", { rangeStart: 700, rangeEnd: 799, scopeGroups: [{ id: outer.id, displayName: "Phones" }] });
    await syncNow(manager);
    expect((await provisionedLogins(manager.customerId)).map((l) => l.name).sort()).toEqual(["Gus Outer", "Ida Inner"]);
    expect(outside.id).toBeDefined();

    await admin.removeGroupMember(tenant.tenantId, inner.id, inInner.id);
    const run = await syncNow(manager);
    expect((await provisionedLogins(manager.customerId)).find((l) => l.name === "Ida Inner")).toMatchObject({ suspendedReason: "left_scope" });
    expect((await recordsOf(run.id)).map((r) => [r.displayName, r.action])).toEqual([["Ida Inner", "suspended"]]);
  });
});
