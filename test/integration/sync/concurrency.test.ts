import { and, eq, inArray } from "drizzle-orm";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, syncRuns } from "@/db/schema";
import { directorySyncQueue, jobRetryOptions } from "@/lib/jobs/directory-sync-job";
import { runIdOfJob } from "@/lib/sync/process-sync-job";
import { createRun } from "@/lib/sync/run-records";
import { startRun } from "@/lib/sync/start-run";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, createTenant, directoryOf, emulatorAdmin, startTestWorker, waitForRun } from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

describe("one sync per customer, customers apart", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("syncs two customers at once without either seeing the other's entries", async () => {
    const [tenantA, tenantB] = await Promise.all([createTenant(admin, { users: 300 }), createTenant(admin, { users: 200 })]);
    const [a, b] = await Promise.all([createCustomerWithManager(), createCustomerWithManager()]);
    await configureSync(a, tenantA, { skipGuests: "" });
    await configureSync(b, tenantB, { skipGuests: "" });
    const [runA, runB] = await Promise.all([startRun(a, "one_time", connectorOf("entra")), startRun(b, "one_time", connectorOf("entra"))]);
    const [doneA, doneB] = await Promise.all([waitForRun(runA.id), waitForRun(runB.id)]);
    expect([doneA.status, doneB.status]).toEqual(["succeeded", "succeeded"]);
    const [entriesA, entriesB] = await Promise.all([directoryOf(a.customerId), directoryOf(b.customerId)]);
    expect(entriesA).toHaveLength(300);
    expect(entriesB).toHaveLength(200);
    expect(entriesA.every((e) => e.aadTenantId === tenantA.tenantId)).toBe(true);
    expect(entriesB.every((e) => e.aadTenantId === tenantB.tenantId)).toBe(true);
  });

  it("answers a second One-time Sync while one runs with 'already running', adding no job", async () => {
    const tenant = await createTenant(admin, { users: 50 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    await admin.setFaults(tenant.tenantId, { latencyMs: 300 });
    const first = await startRun(manager, "one_time", connectorOf("entra"));
    // Summed: the first job may move from waiting (or prioritized: jobs carry their lane's priority) to active
    // meanwhile; no second one may appear.
    const jobCount = async () =>
      Object.values(await directorySyncQueue().getJobCounts("waiting", "prioritized", "active", "delayed")).reduce((a, b) => a + b, 0);
    const jobsBefore = await jobCount();
    await expect(startRun(manager, "one_time", connectorOf("entra"))).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already running"),
    });
    await expect(startRun(manager, "simulate", connectorOf("entra"))).rejects.toMatchObject({ code: "conflict" });
    expect(await jobCount()).toBeLessThanOrEqual(jobsBefore);
    const runs = await db().select().from(syncRuns).where(eq(syncRuns.customerId, manager.customerId));
    expect(runs).toHaveLength(1);
    await admin.clearFaults(tenant.tenantId);
    expect((await waitForRun(first.id)).status).toBe("succeeded");
  });

  it("never touches manual entries", async () => {
    const tenant = await createTenant(admin, { users: 10 });
    const manager = await createCustomerWithManager();
    const [manual] = await db()
      .insert(directoryEntries)
      .values({ customerId: manager.customerId, displayName: "Reception", officePhone: "+1 555 0100" })
      .returning();
    await configureSync(manager, tenant);
    await waitForRun((await startRun(manager, "full_resync", connectorOf("entra"))).id);
    const [after] = await db()
      .select()
      .from(directoryEntries)
      .where(and(eq(directoryEntries.id, manual!.id)));
    expect(after).toEqual(manual);
  });
  it("continues the run a scheduled job made before its worker died, rather than failing on it", async () => {
    const tenant = await createTenant(admin, { users: 5 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" }); // the generated five may include a guest
    // The job's first attempt created its run and died before noting it in the job: the run is there, queued.
    const job = await directorySyncQueue().add(
      "scheduled-sync",
      { customerId: manager.customerId, connector: "entra" },
      { ...jobRetryOptions(), delay: 60_000 },
    );
    await createRun({ id: runIdOfJob(job), customerId: manager.customerId, connector: "entra", trigger: "schedule" });
    await job.promote();
    const run = await waitForRun(runIdOfJob(job));
    expect({ status: run.status, created: run.created }).toEqual({ status: "succeeded", created: 5 });
    expect(await db().select().from(syncRuns).where(eq(syncRuns.customerId, manager.customerId))).toHaveLength(1);
  });

  /** A scheduled job of the customer's, due now; resolves once the queue is done with it (run or skipped). */
  const scheduledJobDone = async (customerId: string) => {
    const job = await directorySyncQueue().add("scheduled-sync", { customerId, connector: "entra" }, jobRetryOptions());
    for (let state = await job.getState(); state !== "completed" && state !== "failed"; state = await job.getState()) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return job;
  };

  it("fails a run whose job the queue lost (its worker died past the stalled-job limit) at the next scheduled start, which then runs", async () => {
    const tenant = await createTenant(admin, { users: 5 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    const lost = await createRun({ jobId: "a-job-the-queue-failed", customerId: manager.customerId, connector: "entra", trigger: "schedule" });
    await db()
      .update(syncRuns)
      .set({ status: "running", queuedAt: new Date(Date.now() - 10 * 60_000), startedAt: new Date(Date.now() - 9 * 60_000) })
      .where(eq(syncRuns.id, lost.id));

    const job = await scheduledJobDone(manager.customerId);
    expect((await waitForRun(runIdOfJob(job))).status).toBe("succeeded");
    const [before] = await db().select().from(syncRuns).where(eq(syncRuns.id, lost.id));
    expect({ status: before!.status, errorCode: before!.errorCode }).toEqual({ status: "failed", errorCode: "interrupted" });
  });

  it("leaves a run being started (its job not added yet) and a run whose job lives alone: the scheduled start is skipped", async () => {
    const tenant = await createTenant(admin, { users: 5 });
    const [starting, alive] = await Promise.all([createCustomerWithManager(), createCustomerWithManager()]);
    await configureSync(starting, tenant);
    await configureSync(alive, tenant);
    const young = await createRun({ customerId: starting.customerId, connector: "entra", trigger: "one_time" });
    // An old run whose job waits in the queue (delayed for an hour: a retry's backoff).
    const old = await createRun({ customerId: alive.customerId, connector: "entra", trigger: "one_time" });
    await db()
      .update(syncRuns)
      .set({ queuedAt: new Date(Date.now() - 10 * 60_000) })
      .where(eq(syncRuns.id, old.id));
    const retrying = await directorySyncQueue().add(
      "sync",
      { customerId: alive.customerId, connector: "entra", runId: old.id },
      { jobId: old.id, delay: 3_600_000 },
    );
    try {
      for (const manager of [starting, alive]) {
        const job = await scheduledJobDone(manager.customerId);
        expect(
          await db()
            .select()
            .from(syncRuns)
            .where(eq(syncRuns.id, runIdOfJob(job))),
        ).toEqual([]);
      }
      const runs = await db()
        .select()
        .from(syncRuns)
        .where(inArray(syncRuns.id, [young.id, old.id]));
      expect(runs.map((r) => r.status)).toEqual(["queued", "queued"]);
    } finally {
      await retrying.remove();
    }
  });
});
