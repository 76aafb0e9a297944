import { and, eq } from "drizzle-orm";
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
});
