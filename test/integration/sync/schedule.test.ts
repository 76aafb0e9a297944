import { and, eq } from "drizzle-orm";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { customers, syncRuns } from "@/db/schema";
import { connectors } from "@/lib/connectors/registry";
import { updateCompany } from "@/lib/customers/update-company";
import { nextScheduledSync, scheduleDirectorySync, unscheduleDirectorySync } from "@/lib/jobs/directory-sync-job";
import { scheduledPattern } from "@/lib/sync/apply-schedule";
import { nextRunAt } from "@/lib/sync/schedule";
import { jitterOffsetSeconds, withJitter } from "@/lib/sync/schedule-jitter";
import { startRun } from "@/lib/sync/start-run";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, createTenant, emulatorAdmin, startTestWorker, waitForRun } from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

const localTime = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false }).format(date);

describe("scheduled syncs", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(async () => {
    worker = startTestWorker();
    await worker.waitUntilReady();
  });
  afterAll(() => worker.close());

  it("saving with Use schedules the next run in the company's time zone, at its chosen time plus its own jitter; Not use removes it", async () => {
    const tenant = await createTenant(admin, { users: 3 });
    const manager = await createCustomerWithManager();
    await db().update(customers).set({ timeZone: "America/New_York" }).where(eq(customers.id, manager.customerId));
    await configureSync(manager, tenant, { usage: "use", period: "daily", runHour: "9", runMinute: "30", runSecond: "15" });

    const chosen = { period: "daily", weekday: null, runHour: 9, runMinute: 30, runSecond: 15 } as const;
    const offset = jitterOffsetSeconds(manager.customerId, "entra", 300);
    expect(offset).toBeGreaterThanOrEqual(0);
    expect(offset).toBeLessThan(300);
    const jittered = withJitter(chosen, offset);
    const expectedTime = [jittered.runHour, jittered.runMinute, jittered.runSecond].map((n) => String(n).padStart(2, "0")).join(":");
    const next = await nextScheduledSync({ customerId: manager.customerId, connector: "entra" });
    expect(next).not.toBeNull();
    expect(localTime(next!, "America/New_York")).toBe(expectedTime);
    expect(next!.getTime()).toBe(nextRunAt(scheduledPattern({ customerId: manager.customerId, connector: "entra" }, chosen), "America/New_York").getTime());

    // Moving the company to another zone moves the schedule with it.
    await updateCompany(manager, { customerId: manager.customerId, name: "Moved", timeZone: "Asia/Tokyo" }, Object.values(connectors));
    expect(localTime((await nextScheduledSync({ customerId: manager.customerId, connector: "entra" }))!, "Asia/Tokyo")).toBe(expectedTime);

    await configureSync(manager, tenant, { usage: "not_use" });
    expect(await nextScheduledSync({ customerId: manager.customerId, connector: "entra" })).toBeNull();
  });

  it("picks a One-time Sync up at once while a scheduled run waits for tomorrow", async () => {
    // BullMQ's PostgreSQL worker sleeps until its next delayed job is due and counts on a
    // NOTIFY to wake it for a new one, which the embedded database does not deliver.
    const tenant = await createTenant(admin, { users: 3 });
    const scheduled = await createCustomerWithManager();
    const inTwelveHours = String((new Date().getUTCHours() + 12) % 24);
    await configureSync(scheduled, tenant, { usage: "use", period: "daily", runHour: inTwelveHours, runMinute: "0", runSecond: "0" });
    try {
      await new Promise((r) => setTimeout(r, 2_500)); // the worker has seen the delayed job and is waiting
      const manager = await createCustomerWithManager();
      await configureSync(manager, tenant);
      const run = await startRun(manager, "one_time", connectorOf("entra"));
      expect((await waitForRun(run.id, 15_000)).status).toBe("succeeded");
    } finally {
      await unscheduleDirectorySync({ customerId: scheduled.customerId, connector: "entra" });
    }
  });

  it("starts a run when its time comes (a scheduler firing every second)", { timeout: 120_000 }, async () => {
    const tenant = await createTenant(admin, { users: 4 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await scheduleDirectorySync({ customerId: manager.customerId, connector: "entra", pattern: "* * * * * *", timeZone: "UTC", priority: 1 });
    try {
      // Generous: on embedded PGlite under load the first firing can take a while.
      const deadline = Date.now() + 45_000;
      let run;
      while (!run && Date.now() < deadline) {
        [run] = await db()
          .select()
          .from(syncRuns)
          .where(and(eq(syncRuns.customerId, manager.customerId), eq(syncRuns.trigger, "schedule")));
        if (!run) await new Promise((r) => setTimeout(r, 200));
      }
      expect(run, "a scheduled run was created").toBeDefined();
      expect((await waitForRun(run!.id)).status).toBe("succeeded");
    } finally {
      await unscheduleDirectorySync({ customerId: manager.customerId, connector: "entra" });
    }
  });
});
