import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { startRun } from "@/lib/sync/start-run";
import { createCustomerWithManager } from "../../support/factories";
import { startWorkerProcess, type WorkerProcess } from "../../support/fleet/worker-processes";
import { configureSync, createTenant, directoryOf, emulatorAdmin, waitForRun } from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

async function waitFor(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("the worker process", () => {
  const admin = emulatorAdmin();
  const workers: WorkerProcess[] = [];
  // The real worker process, as `npm start` starts it; a run starts once it is ready, however slow the machine.
  const readyWorker = async () => {
    const worker = startWorkerProcess();
    workers.push(worker);
    await worker.ready;
    return worker;
  };
  afterEach(() => {
    for (const worker of workers.splice(0)) worker.child.kill("SIGKILL");
  });

  // Six delta pages (up to 999 users each), slowed down, so a worker can be stopped mid-run.
  async function slowCompany() {
    const tenant = await createTenant(admin, { users: 5000 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await admin.setFaults(tenant.tenantId, { latencyMs: 150 });
    return { tenant, manager };
  }

  const pagesOf = async (runId: string) => (await db().select().from(syncRuns).where(eq(syncRuns.id, runId)))[0]!.pagesFetched;

  it("picks a run up again after its worker is killed with SIGKILL, losing and removing nothing", async () => {
    const { tenant, manager } = await slowCompany();
    const first = await readyWorker();
    const run = await startRun(manager, "one_time", connectorOf("entra"));
    await waitFor(async () => (await pagesOf(run.id)) >= 2);
    first.child.kill("SIGKILL");
    await first.exited;

    await readyWorker();
    const done = await waitForRun(run.id, 90_000);
    await admin.clearFaults(tenant.tenantId);
    expect(done).toMatchObject({ status: "succeeded", removed: 0 });
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    const entries = await directoryOf(manager.customerId);
    expect(entries).toHaveLength(5000);
    expect(entries.every((e) => e.status !== "removed")).toBe(true);
  }, 120_000);

  it("finishes the current run and exits cleanly on SIGTERM", async () => {
    const { tenant, manager } = await slowCompany();
    const worker = await readyWorker();
    const run = await startRun(manager, "one_time", connectorOf("entra"));
    await waitFor(async () => (await pagesOf(run.id)) >= 1);
    worker.child.kill("SIGTERM");
    await worker.exited;
    expect(worker.child.exitCode).toBe(0);
    await admin.clearFaults(tenant.tenantId);
    expect((await waitForRun(run.id, 5_000)).status).toBe("succeeded");
  }, 120_000);
});
