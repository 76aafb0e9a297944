import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerWithManager } from "../../support/factories";
import {
  configureSync,
  createTenant,
  directoryOf,
  emulatorAdmin,
  expectDirectoryMatches,
  startTestWorker,
  syncNow,
  type TestTenant,
} from "../../support/sync-fixture";

/**
 * Microsoft misbehaving: every run either gets through (retrying as Graph
 * asks) or fails in plain words — and never removes or loses an entry.
 */
describe("sync under faults", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  async function syncedCompany(users = 250): Promise<{ tenant: TestTenant; manager: Awaited<ReturnType<typeof createCustomerWithManager>>; before: number }> {
    const tenant = await createTenant(admin, { users });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    expect(await syncNow(manager)).toMatchObject({ status: "succeeded" });
    return { tenant, manager, before: (await directoryOf(manager.customerId)).length };
  }

  it.each([
    ["a 429 storm with Retry-After", { throttle: { everyNth: 2, retryAfterSeconds: 0 } }],
    ["503 bursts", { unavailable: { burst: 3, retryAfterSeconds: 0 } }],
    ["a connection reset mid-page", { resetMidPage: { next: 1 } }],
    ["a token endpoint outage", { tokenOutage: { requests: 2 } }],
  ])("gets through %s with the directory intact", async (_name, faults) => {
    const { tenant, manager, before } = await syncedCompany();
    await admin.setFaults(tenant.tenantId, faults);
    const run = await syncNow(manager, "full_resync");
    await admin.clearFaults(tenant.tenantId);
    expect(run).toMatchObject({ status: "succeeded", removed: 0 });
    expect((await directoryOf(manager.customerId)).length).toBe(before);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
  });

  // The worker keeps a customer's token cached; a new secret makes the next run ask the token endpoint again.
  async function withFreshToken(manager: Awaited<ReturnType<typeof createCustomerWithManager>>, tenant: TestTenant) {
    const secret = await admin.addSecret(tenant.tenantId, tenant.clientId, {});
    await configureSync(manager, { ...tenant, clientSecret: secret.value });
  }

  it("waits out a passing token-endpoint outage (AADSTS90033) and removes nothing", async () => {
    const { tenant, manager, before } = await syncedCompany(50);
    await withFreshToken(manager, tenant);
    // More failures than one attempt's own retries take, and fewer than the run's four attempts are sure to: msal
    // keeps a 503's Retry-After (1 s) and fails a token request inside it without sending it. An attempt asks 4 times
    // (at 0, 0.5, 1.5 and 3.5 s): the first attempt's ask at 0.5 s stays local (3 reach the endpoint), and a later
    // attempt's first one or two may too, but never the last two. 6 failures so fail the first attempt (3 or 4 asks)
    // whatever the timing, and the three later attempts reach the endpoint at least 6 times, for the 2 or 3 left.
    await admin.setFaults(tenant.tenantId, { tokenOutage: { requests: 6, retryAfterSeconds: 1 } });
    const run = await syncNow(manager, "full_resync");
    const left = (await admin.getFaults(tenant.tenantId)).tokenOutageLeft;
    await admin.clearFaults(tenant.tenantId);
    expect(left).toBe(0);
    expect(run).toMatchObject({ status: "succeeded", removed: 0, pendingRemovals: 0 });
    expect(run.attempts).toBeGreaterThan(1);
    expect((await directoryOf(manager.customerId)).length).toBe(before);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
  });

  it("fails in plain words when the token endpoint stays down, and removes nothing", async () => {
    const { tenant, manager, before } = await syncedCompany(20);
    await withFreshToken(manager, tenant);
    await admin.setFaults(tenant.tenantId, { tokenOutage: { requests: 10_000, retryAfterSeconds: 1 } });
    const run = await syncNow(manager, "full_resync");
    await admin.clearFaults(tenant.tenantId);
    expect(run).toMatchObject({ status: "failed", errorCode: "AADSTS90033", removed: 0, pendingRemovals: 0, attempts: 4 });
    expect(run.error).toMatch(/temporarily unavailable/);
    expect(run.error).not.toMatch(/refused/);
    const entries = await directoryOf(manager.customerId);
    expect(entries.length).toBe(before);
    expect(entries.every((e) => e.status !== "removed")).toBe(true);
  });

  it("records throttling waits on the run", async () => {
    // Three delta pages of up to 999 users, so every 2nd request is sure to be throttled.
    const { tenant, manager } = await syncedCompany(2500);
    await admin.setFaults(tenant.tenantId, { throttle: { everyNth: 2, retryAfterSeconds: 0 } });
    const run = await syncNow(manager, "full_resync");
    await admin.clearFaults(tenant.tenantId);
    expect(run.status).toBe("succeeded");
    expect(run.throttleWaits).toBeGreaterThan(0);
  });

  it("fails clearly when Graph stays unavailable, and removes nothing", async () => {
    const { tenant, manager, before } = await syncedCompany();
    await admin.setFaults(tenant.tenantId, { unavailable: { burst: 10_000, retryAfterSeconds: 0 } });
    const run = await syncNow(manager, "full_resync");
    await admin.clearFaults(tenant.tenantId);
    expect(run).toMatchObject({ status: "failed", removed: 0, pendingRemovals: 0 });
    expect(run.error).toMatch(/unavailable/i);
    expect(run.attempts).toBe(4);
    const entries = await directoryOf(manager.customerId);
    expect(entries.length).toBe(before);
    expect(entries.every((e) => e.status !== "removed")).toBe(true);
  });

  it.each([
    ["a wrong secret", "AADSTS7000215", /client secret is wrong/],
    ["an expired secret", "AADSTS7000222", /expired/],
  ])("fails with %s, in plain words, changing nothing", async (name, code, words) => {
    const { tenant, manager, before } = await syncedCompany(20);
    const secret =
      name === "a wrong secret"
        ? "definitely-not-the-secret"
        : (await admin.addSecret(tenant.tenantId, tenant.clientId, { expiresAt: new Date(Date.now() - 86_400_000) })).value;
    await configureSync(manager, { ...tenant, clientSecret: secret });
    await admin.updateUser(tenant.tenantId, (await admin.listUsers(tenant.tenantId, { limit: 1 })).users[0]!.id, { surname: "Changed" });
    const run = await syncNow(manager, "full_resync");
    expect(run).toMatchObject({ status: "failed", errorCode: code, attempts: 1, created: 0, updated: 0, removed: 0 });
    expect(run.error).toMatch(words);
    expect(run.error).not.toContain(secret);
    expect((await directoryOf(manager.customerId)).length).toBe(before);
  });

  it("fails with the missing consent explained when the app may not read users", async () => {
    const tenant = await createTenant(admin, { users: 5, permissions: [] });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    const run = await syncNow(manager);
    expect(run).toMatchObject({ status: "failed", errorCode: "Authorization_RequestDenied" });
    expect(run.error).toContain("User.Read.All");
  });
});
