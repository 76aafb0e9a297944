import { and, eq } from "drizzle-orm";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, syncRuns, type SyncRun } from "@/db/schema";
import { advanceClockForTests, resetClockForTests } from "@/lib/clock";
import { createWorker } from "@/lib/jobs/queue-backend";
import { logger } from "@/lib/logger";
import { keepSubscription } from "@/lib/realtime/keep-subscription";
import { processRealtimeJob } from "@/lib/realtime/process-realtime-job";
import { realtimeQueue, realtimeQueueName, type RealtimePayload } from "@/lib/realtime/realtime-job";
import { getSubscriptionRow, noSubscription, updateSubscriptionRow } from "@/lib/realtime/subscription-row";
import { createEntraCompany, emulatorAdmin, startTestWorker, syncNow } from "../../support/sync-fixture";
import { startNotificationReceiver } from "../../support/notification-receiver";

const DEBOUNCE_MS = 1500;

/** Polls until `check` returns something truthy (no sleeps on timing assumptions). */
async function until<T>(what: string, check: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Graph change notifications end to end (issue 16): the emulator's admin API
 * changes a user, the emulator notifies the portal's route over HTTP, the
 * route queues a debounced job, the real worker code starts a delta run.
 * Nothing is scheduled and no button is pressed.
 */
describe("real time: Graph change notifications", () => {
  const admin = emulatorAdmin();
  let receiver: Awaited<ReturnType<typeof startNotificationReceiver>>;
  let workers: Worker[] = [];
  let company: Awaited<ReturnType<typeof createEntraCompany>>;
  let customerId = "";
  let tenantId = "";
  let userIds: string[] = [];

  const runs = () =>
    db()
      .select()
      .from(syncRuns)
      .where(and(eq(syncRuns.customerId, customerId), eq(syncRuns.trigger, "notification")));
  const finished = (list: SyncRun[]) => list.every((run) => !["queued", "running"].includes(run.status));
  const entryOf = async (objectId: string) =>
    (
      await db()
        .select()
        .from(directoryEntries)
        .where(and(eq(directoryEntries.customerId, customerId), eq(directoryEntries.aadObjectId, objectId)))
    )[0];
  const quiet = () => until("the emulator's deliveries", async () => (await admin.notificationLog(tenantId)).inFlight === 0);
  /** Notified while a run was under way, a delta job waits for it to end and then makes a run of its own. */
  const deltasPending = async () =>
    (await realtimeQueue().getJobs(["waiting", "delayed", "prioritized", "active"])).some(
      (job) => job.data.kind === "delta" && job.data.customerId === customerId,
    );
  /** No delivery on its way, no delta job waiting, every run ended: nothing left to make a run. */
  const settled = () =>
    until("every notification's run", async () => (await admin.notificationLog(tenantId)).inFlight === 0 && !(await deltasPending()) && finished(await runs()));
  const subscriptionAtGraph = async () => (await admin.listSubscriptions(tenantId)).subscriptions[0];

  beforeAll(async () => {
    receiver = await startNotificationReceiver();
    process.env.PUBLIC_URL = receiver.url;
    process.env.REALTIME_DEBOUNCE_MS = String(DEBOUNCE_MS);
    workers = [
      startTestWorker(),
      createWorker<RealtimePayload>(realtimeQueueName, (job) => processRealtimeJob(job), { concurrency: 2, lockDuration: 2000, stalledInterval: 2000 }),
    ];
    company = await createEntraCompany({ users: 6 });
    customerId = company.manager.customerId;
    tenantId = company.tenant.tenantId;
    // Members only: the generated six may include a guest, whom the company's settings leave out of the directory.
    userIds = (await admin.listUsers(tenantId)).users.filter((user) => user.userType === "Member").map((user) => user.id);
    expect((await syncNow(company.manager)).status).toBe("succeeded"); // the delta link later runs start from
    expect(await keepSubscription({ customerId })).toBe("subscribed");
  });
  afterAll(async () => {
    // The settings are the process's: later test files in this process must not find real time on.
    delete process.env.PUBLIC_URL;
    delete process.env.REALTIME_DEBOUNCE_MS;
    resetClockForTests();
    await Promise.all(workers.map((worker) => worker.close()));
    await receiver.close();
  });

  it("subscribes on users with a sealed random clientState, a lifecycle URL and an expiry near Graph's limit", async () => {
    const atGraph = await subscriptionAtGraph();
    const row = await getSubscriptionRow({ customerId });
    expect(atGraph).toMatchObject({
      id: row!.subscriptionId,
      resource: "users",
      changeType: "updated,deleted",
      notificationUrl: `${receiver.url}/api/graph/notifications`,
    });
    expect(atGraph!.lifecycleNotificationUrl).toBe(atGraph!.notificationUrl);
    expect(atGraph!.clientState).toMatch(/^[\w-]{43}$/);
    expect(row!.clientStateCiphertext).not.toContain(atGraph!.clientState);
    expect(row!.expiresAt!.getTime() - Date.now()).toBeGreaterThan(28 * 86_400_000);
  });

  it("a change made in Entra reaches the directory with no schedule and no button", async () => {
    await admin.updateUser(tenantId, userIds[0]!, { displayName: "Renamed In Entra" });
    await until("the renamed entry", async () => (await entryOf(userIds[0]!))?.displayName === "Renamed In Entra");
    await admin.disableUser(tenantId, userIds[1]!);
    await until("the disabled entry", async () => (await entryOf(userIds[1]!))?.status === "disabled");
    expect((await getSubscriptionRow({ customerId }))!.lastNotificationAt).not.toBeNull();
    await until("the runs to end", async () => finished(await runs()));
  });

  it("50 changes in a burst make one run", async () => {
    const before = (await runs()).length;
    const logged = (await admin.notificationLog(tenantId)).deliveries.at(-1)?.seq ?? 0;
    for (let i = 0; i < 50; i++) await admin.updateUser(tenantId, userIds[i % userIds.length]!, { jobTitle: `Title ${i}` });
    await quiet();
    const last = async (i: number) => (await entryOf(userIds[i % userIds.length]!))?.jobTitle === `Title ${i}`;
    // Each member's last title: the burst's last changes, one a member (five members when the tenant has a guest).
    const lastChanges = Array.from({ length: userIds.length }, (_, k) => 50 - userIds.length + k);
    await until(
      "the burst's changes, every run ended",
      async () => finished(await runs()) && (await Promise.all(lastChanges.map(last))).every(Boolean),
      60_000,
    ).catch(async (error: Error) => {
      // What a busy machine left undone, for whoever reads the failure.
      const deliveries = (await admin.notificationLog(tenantId)).deliveries.filter((d) => d.seq > logged);
      const outcomes = deliveries.map((d) => d.outcome).join(",");
      const notified = (await runs()).map((run) => `${run.status}@${run.startedAt?.toISOString()}`);
      throw new Error(`${error.message}; notified runs ${notified.join(" ")}; deliveries ${outcomes}`);
    });
    // One run when the burst reached the portal within one debounce window (a quiet machine takes a fraction of it);
    // a machine too busy to deliver it that fast gets at most one more run a window, never a run a notification.
    const burst = (await admin.notificationLog(tenantId)).deliveries.filter((d) => d.seq > logged && d.kind === "change");
    const span = Date.parse(burst.at(-1)!.at) - Date.parse(burst[0]!.at);
    const made = (await runs()).length - before;
    if (span < DEBOUNCE_MS / 2) expect(made).toBe(1);
    else expect(made).toBeLessThanOrEqual(2 + Math.ceil(span / DEBOUNCE_MS));
  }, 90_000);

  it("a forged notification (wrong clientState, unknown subscription, another tenant) changes nothing and is logged", async () => {
    await settled();
    const warn = vi.spyOn(logger, "warn");
    const before = (await runs()).length;
    const id = (await getSubscriptionRow({ customerId }))!.subscriptionId!;
    await admin.forgeNotification(tenantId, id, { clientState: "guessed-client-state" });
    await admin.forgeNotification(tenantId, id, { subscriptionId: "6b1b5d5e-2f60-4ab5-9d1c-000000000000" });
    await admin.forgeNotification(tenantId, id, { tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" });
    const reasons = warn.mock.calls.filter((call) => call[1] === "graph notification refused").map((call) => (call[0] as { reason: string }).reason);
    warn.mockRestore();
    expect(reasons).toEqual(["wrong clientState", "unknown subscription", "wrong tenant"]);
    const deliveries = (await admin.notificationLog(tenantId)).deliveries.filter((d) => d.kind === "forged");
    expect(deliveries.slice(-3).map((d) => d.status)).toEqual([202, 202, 202]);
    expect((await runs()).length).toBe(before);
  });

  it("a dropped notification is caught by the next one: the delta run reads both changes", async () => {
    await admin.setFaults(tenantId, { notifications: { drop: 1 } });
    await admin.updateUser(tenantId, userIds[2]!, { department: "Lost Notification" });
    await admin.updateUser(tenantId, userIds[3]!, { department: "Next Notification" });
    await until("both changes", async () => (await entryOf(userIds[3]!))?.department === "Next Notification");
    expect((await entryOf(userIds[2]!))?.department).toBe("Lost Notification");
    expect((await admin.notificationLog(tenantId)).deliveries.some((d) => d.outcome === "dropped")).toBe(true);
    await admin.clearFaults(tenantId);
    await until("the runs to end", async () => finished(await runs()));
  });

  it("renews the subscription before it expires (test clock)", async () => {
    const before = (await getSubscriptionRow({ customerId }))!;
    expect(await keepSubscription({ customerId })).toBe("kept");
    const days = 27 * 86_400_000;
    advanceClockForTests(days);
    await admin.setSubscriptionPolicy(tenantId, { clockOffsetMs: days });
    try {
      expect(await keepSubscription({ customerId })).toBe("renewed");
      const after = (await getSubscriptionRow({ customerId }))!;
      expect(after.subscriptionId).toBe(before.subscriptionId);
      expect(after.expiresAt!.getTime()).toBeGreaterThan(before.expiresAt!.getTime() + 26 * 86_400_000);
      expect(Date.parse((await subscriptionAtGraph())!.expirationDateTime)).toBe(after.expiresAt!.getTime());
    } finally {
      resetClockForTests();
      await admin.setSubscriptionPolicy(tenantId, { clockOffsetMs: 0 });
    }
    // Back to today's clock: a subscription past 29 days from now would be refused by Graph, so renew it to a normal term.
    expect(await keepSubscription({ customerId, force: true })).toBe("renewed");
  });

  it("lifecycle events: reauthorizationRequired renews, subscriptionRemoved recreates, missed runs a delta", async () => {
    const first = (await getSubscriptionRow({ customerId }))!.subscriptionId!;
    await admin.sendLifecycleEvent(tenantId, first, "reauthorizationRequired");
    await until(
      "the reauthorization",
      async () => (await subscriptionAtGraph())?.needsReauthorization === false && (await admin.requestLog({ tenantId, method: "PATCH" })).length > 0,
    );

    await admin.sendLifecycleEvent(tenantId, first, "subscriptionRemoved");
    const second = await until("a new subscription", async () => {
      const id = (await getSubscriptionRow({ customerId }))?.subscriptionId;
      return id && id !== first ? id : undefined;
    });
    expect((await subscriptionAtGraph())?.id).toBe(second);

    const before = (await runs()).length;
    await admin.sendLifecycleEvent(tenantId, second, "missed");
    await until("the run after missed", async () => (await runs()).length > before);
    await until("the runs to end", async () => finished(await runs()));
  });

  it("a validation that times out leaves a clear error for the screen; the switch turns real time off", async () => {
    await updateSubscriptionRow(customerId, noSubscription);
    receiver.control.stallValidation = true;
    await admin.setSubscriptionPolicy(tenantId, { validationTimeoutMs: 200 });
    try {
      expect(await keepSubscription({ customerId })).toBe("failed");
    } finally {
      receiver.control.stallValidation = false;
      await admin.setSubscriptionPolicy(tenantId, { validationTimeoutMs: 10_000 });
    }
    const row = (await getSubscriptionRow({ customerId }))!;
    expect(row.lastErrorCode).toBe("validation_timeout");
    expect(row.lastError).toContain("within 10 seconds");
    expect(row.lastError).toContain(receiver.url);

    expect(await keepSubscription({ customerId })).toBe("subscribed");
    expect((await getSubscriptionRow({ customerId }))!.lastError).toBeNull();
    await updateSubscriptionRow(customerId, { enabled: false });
    expect(await keepSubscription({ customerId })).toBe("removed");
    expect((await admin.listSubscriptions(tenantId)).subscriptions.map((s) => s.id)).not.toContain(row.subscriptionId);
  });
  it("a switch turned while the subscription is being made is obeyed by that same keep job", async () => {
    await updateSubscriptionRow(customerId, { enabled: false });
    expect(["off", "removed"]).toContain(await keepSubscription({ customerId }));
    const atGraphBefore = (await admin.listSubscriptions(tenantId)).subscriptions.map((s) => s.id);
    // Off while Graph checks the notification address: the job made the subscription for a wish that has changed.
    receiver.control.beforeValidation = () => updateSubscriptionRow(customerId, { enabled: false });
    try {
      await updateSubscriptionRow(customerId, { enabled: true });
      expect(await keepSubscription({ customerId })).toBe("removed");
    } finally {
      receiver.control.beforeValidation = undefined;
    }
    expect((await admin.listSubscriptions(tenantId)).subscriptions.map((s) => s.id)).toEqual(atGraphBefore);
    expect(await getSubscriptionRow({ customerId })).toMatchObject({ enabled: false, subscriptionId: null });
  });
});
