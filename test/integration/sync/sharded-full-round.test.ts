import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, createTenant, directoryOf, emulatorAdmin, expectDirectoryMatches, startTestWorker, syncNow } from "../../support/sync-fixture";

/**
 * A full round read as parallel /users listings from a delta anchor (issue
 * 19): what changes while the listings are read reaches the directory by the
 * next delta run; throttling and dropped connections are waited out; a UPN no
 * listing covers sends the round back to the sequential delta walk.
 */
describe("a full round read as parallel listings", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  async function company(users: number) {
    const tenant = await createTenant(admin, { users });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    return { tenant, manager };
  }

  it("loses nothing created, renamed, disabled or deleted while the listings are read: the next delta run makes the directory the tenant's", async () => {
    const { tenant, manager } = await company(2_000);
    const domain = (await admin.getTenant(tenant.tenantId)).defaultDomain;
    const people = (await admin.listUsers(tenant.tenantId, { limit: 12 })).users.filter((u) => u.userType === "Member");
    const [renamed, movedToDigit, disabled, softDeleted, hardDeleted, managerChanged] = people;
    // The round's first three requests (the count of everyone, then the anchor beside the count of the uncovered)
    // are answered; its listings are held until the changes below have landed, then released by clearing the faults.
    await admin.setFaults(tenant.tenantId, { hold: { after: 3 } });
    const run = syncNow(manager);
    await vi.waitFor(async () => expect((await admin.getFaults(tenant.tenantId)).heldRequests).toBeGreaterThan(0), { timeout: 20_000, interval: 20 });
    const created = await admin.createUser(tenant.tenantId, { userPrincipalName: `~joined@${domain}`, displayName: "Joined Meanwhile" });
    await admin.updateUser(tenant.tenantId, renamed!.id, { userPrincipalName: `zz.renamed@${domain}`, displayName: "Renamed Meanwhile" });
    await admin.updateUser(tenant.tenantId, movedToDigit!.id, { userPrincipalName: `9.moved@${domain}` });
    await admin.updateUser(tenant.tenantId, disabled!.id, { accountEnabled: false });
    await admin.updateUser(tenant.tenantId, managerChanged!.id, { managerId: created.id, department: "Moved" });
    await admin.softDeleteUser(tenant.tenantId, softDeleted!.id);
    await admin.hardDeleteUser(tenant.tenantId, hardDeleted!.id);
    await admin.clearFaults(tenant.tenantId);
    expect(await run).toMatchObject({
      status: "succeeded",
      round: "full",
      removed: 0,
      readAs: expect.stringMatching(/^\d+ parallel listings by the first character of the user name, then the changes made meanwhile\.$/),
    });

    const next = await syncNow(manager);
    expect(next).toMatchObject({ status: "succeeded", round: "delta", readAs: null });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
    const entries = new Map((await directoryOf(manager.customerId)).map((e) => [e.aadObjectId, e]));
    expect(entries.get(created.id)).toMatchObject({ status: "active", userPrincipalName: `~joined@${domain}` });
    expect(entries.get(renamed!.id)).toMatchObject({ userPrincipalName: `zz.renamed@${domain}` });
    expect(entries.get(disabled!.id)?.status).toBe("disabled");
    expect(entries.get(softDeleted!.id)?.status ?? "removed").toBe("removed");
  });

  it("reads a tenant that fits in one page as one delta walk: a count and a page, nothing missed, and later runs are deltas", async () => {
    const { tenant, manager } = await company(300);
    await admin.setFaults(tenant.tenantId, {});
    const first = await syncNow(manager);
    expect((await admin.getFaults(tenant.tenantId)).graphRequestsSinceSet).toBe(2);
    const members = (await admin.getTenant(tenant.tenantId)).userCount;
    expect(first).toMatchObject({ status: "succeeded", round: "full", readAs: `One delta walk: the tenant's ${members} people fit in one page.` });
    expect(first.created).toBe((await directoryOf(manager.customerId)).length);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
    const domain = (await admin.getTenant(tenant.tenantId)).defaultDomain;
    const joined = await admin.createUser(tenant.tenantId, { userPrincipalName: `joined@${domain}`, displayName: "Joined Later" });
    expect(await syncNow(manager)).toMatchObject({ status: "succeeded", round: "delta", created: 1, removed: 0 });
    expect((await directoryOf(manager.customerId)).some((e) => e.aadObjectId === joined.id)).toBe(true);
  });

  it("gets through throttling and connections reset mid-page in the listings, counting both", async () => {
    const { tenant, manager } = await company(1_500);
    await admin.setFaults(tenant.tenantId, { throttle: { everyNth: 4, retryAfterSeconds: 1 }, resetMidPage: { everyNth: 5 } });
    const run = await syncNow(manager);
    await admin.clearFaults(tenant.tenantId);
    expect(run).toMatchObject({ status: "succeeded", round: "full", removed: 0 });
    expect(run.throttleWaits).toBeGreaterThan(0);
    expect(run.unavailableRetries).toBeGreaterThan(0);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
  });

  it("reads the round sequentially when a UPN begins with a character no listing covers, with the same result", async () => {
    // More than a page: a tenant that fits in one is read as the delta walk whatever its names.
    const { tenant, manager } = await company(1_100);
    const domain = (await admin.getTenant(tenant.tenantId)).defaultDomain;
    const uncovered = await admin.createUser(tenant.tenantId, { userPrincipalName: `+plus@${domain}`, displayName: "Plus Sign" });
    const first = await syncNow(manager);
    expect(first).toMatchObject({
      status: "succeeded",
      round: "full",
      readAs: "One delta walk, a page after another: 1 person's user name starts with a character no parallel listing reads.",
    });
    // No listing holds this user: only the sequential walk can have brought it in.
    expect((await directoryOf(manager.customerId)).some((e) => e.aadObjectId === uncovered.id)).toBe(true);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
    const resync = await syncNow(manager, "full_resync");
    expect(resync).toMatchObject({ status: "succeeded", round: "full", created: 0, updated: 0, removed: 0 });
  });
});
