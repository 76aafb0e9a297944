import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { and, eq, inArray, sql } from "drizzle-orm";
import IORedis from "ioredis";
import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, entraSettings, syncRuns } from "@/db/schema";
import type { BatchTenant } from "@/emulator";
import { newConfidentialClient } from "@/lib/entra/confidential-client";
import { emptyGraphCallStats } from "@/lib/entra/graph-call-observer";
import { graphClient } from "@/lib/entra/graph-client";
import { closeSharedRedis } from "@/lib/redis/shared-redis";
import { createFleet, fallDue, waitForFleet, type FleetCustomer } from "../../support/fleet/fleet-fixture";
import { startWorkerProcess, type WorkerProcess } from "../../support/fleet/worker-processes";
import { emulatorAdmin } from "../../support/sync-fixture";

/**
 * A fleet of customers due at once (issue 17), run by two real worker
 * processes sharing only the database and the queue: each customer once,
 * none missed, none twice, nothing of one in another's directory; a worker
 * killed mid-fleet; and, with Redis, the Graph budget the processes share.
 */
describe("a fleet of customers and two worker processes", () => {
  const admin = emulatorAdmin();
  const workers: WorkerProcess[] = [];
  const twoWorkers = async (env: Record<string, string> = {}) => {
    const started = [startWorkerProcess(env), startWorkerProcess(env)];
    workers.push(...started);
    await Promise.all(started.map((w) => w.ready));
    return started;
  };
  /**
   * The runs' "sync finished" lines, all `count` of them: a worker logs one just after the run's row is final, so
   * the fleet can be over in the database before the last line has reached the test through the pipe.
   */
  const finishedLogged = (processes: WorkerProcess[], count: number) =>
    vi.waitFor(() => expect(processes.reduce((n, w) => n + w.finished.length, 0)).toBe(count), { timeout: 15_000, interval: 50 });
  afterEach(async () => {
    for (const worker of workers.splice(0)) {
      worker.child.kill("SIGKILL");
      await worker.exited;
    }
  });

  /** Every customer ran exactly once, and its directory holds its own tenant's people and nobody else's. */
  async function expectEachOnce(fleet: FleetCustomer[], runs: (typeof syncRuns.$inferSelect)[]) {
    const perCustomer = new Map<string, number>();
    for (const run of runs) perCustomer.set(run.customerId, (perCustomer.get(run.customerId) ?? 0) + 1);
    expect(fleet.filter((c) => perCustomer.get(c.customerId) !== 1).map((c) => [c.customerId, perCustomer.get(c.customerId) ?? 0])).toEqual([]);
    expect(runs.filter((r) => r.status !== "succeeded").map((r) => [r.status, r.errorCode])).toEqual([]);
    const ids = fleet.map((c) => c.customerId);
    const counts = await db()
      .select({ customerId: directoryEntries.customerId, n: sql<number>`count(*)::int` })
      .from(directoryEntries)
      .where(inArray(directoryEntries.customerId, ids))
      .groupBy(directoryEntries.customerId);
    const byCustomer = new Map(counts.map((c) => [c.customerId, c.n]));
    expect(fleet.filter((c) => (byCustomer.get(c.customerId) ?? 0) !== c.tenant.userCount)).toEqual([]);
    // Not one entry carries a tenant other than its customer's own, nor was written by another customer's run.
    const [row] = await db()
      .select({ foreign: sql<number>`count(*)::int` })
      .from(directoryEntries)
      .innerJoin(entraSettings, eq(entraSettings.customerId, directoryEntries.customerId))
      .leftJoin(syncRuns, eq(syncRuns.id, directoryEntries.lastRunId))
      .where(
        and(
          inArray(directoryEntries.customerId, ids),
          sql`(${directoryEntries.aadTenantId} <> ${entraSettings.tenantId} or ${syncRuns.customerId} is distinct from ${directoryEntries.customerId})`,
        ),
      );
    expect(row?.foreign).toBe(0);
  }

  it("runs 200 customers due in the same minute exactly once each, shared between the two processes", async () => {
    const tenants = await admin.createTenants({ sizes: Array.from({ length: 200 }, (_, i) => 1 + (i % 10)), seed: `fleet-${Date.now()}` });
    const fleet = await createFleet(tenants);
    // Tenants of a few people are read as one delta walk: one request a run rather than a dozen.
    const [first, second] = await twoWorkers({ WORKER_CONCURRENCY: "8", SYNC_SHARDS: "0" });
    await fallDue(fleet);
    const runs = await waitForFleet(fleet, 90_000);
    await expectEachOnce(fleet, runs);
    await finishedLogged([first!, second!], 200);
    expect(first!.finished.length).toBeGreaterThan(0);
    expect(second!.finished.length).toBeGreaterThan(0);
    expect(new Set([...first!.finished, ...second!.finished]).size).toBe(200);
  }, 120_000);

  it("finishes a killed worker's jobs in the other process, still once each", async () => {
    // Graph's pace (a median of 100 ms a request), so that the first worker dies with jobs in hand.
    const tenants = await admin.createTenants({
      sizes: Array.from({ length: 40 }, (_, i) => 2 + (i % 5)),
      seed: `killed-${Date.now()}`,
      faults: { latency: { medianMs: 100, sigma: 0.3 } },
    });
    const fleet = await createFleet(tenants);
    // The doomed worker works alone until it has finished a few: with the rest of the fleet queued behind its six
    // slots, it holds jobs when it dies, whatever the machine's pace. Then the survivor starts.
    const env = { WORKER_CONCURRENCY: "6", SYNC_SHARDS: "0" };
    const doomed = startWorkerProcess(env);
    workers.push(doomed);
    await doomed.ready;
    await fallDue(fleet);
    const deadline = Date.now() + 30_000;
    while (doomed.finished.length < 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    // The runs it had begun (its jobs may also have died before a run began: those simply run once, later).
    const held = await db()
      .select({ id: syncRuns.id })
      .from(syncRuns)
      .where(
        and(
          inArray(
            syncRuns.customerId,
            fleet.map((c) => c.customerId),
          ),
          eq(syncRuns.status, "running"),
        ),
      );
    const survivor = startWorkerProcess(env);
    workers.push(survivor);
    await survivor.ready;
    const runs = await waitForFleet(fleet, 60_000);
    await expectEachOnce(fleet, runs);
    // Each run the dead worker had begun was taken up again and finished: a second attempt of the same run.
    for (const { id } of held) {
      const run = runs.find((r) => r.id === id)!;
      expect({ status: run.status, retaken: run.attempts >= 2 }).toEqual({ status: "succeeded", retaken: true });
    }
    expect(survivor.finished.length).toBeGreaterThan(0);
  }, 120_000);

  describe.skipIf(inject("databaseKind") === "pglite" || !process.env.REDIS_URL)("the Graph budget, shared through Redis", () => {
    afterAll(() => closeSharedRedis());

    it("keeps two processes syncing one tenant within its bucket, as Graph's own bucket counts it", async () => {
      // Our share is 1 % of the small quota (35 units per 10 s); the emulator's bucket for the pair is 40.
      // Each process alone would stay under it; two at once without a shared budget would not. The six runs ask for
      // about 110 units: three buckets' worth, so the budget holds them back even on a machine slow enough to
      // spread them over 20 s (with 70 units per 10 s, a loaded CI machine once needed no wait at all).
      const [tenant] = await admin.createTenants({ sizes: [1200], seed: `budget-${Date.now()}`, faults: { resourceUnits: { perTenSeconds: 40 } } });
      const fleet = await createFleet(Array.from({ length: 6 }, () => tenant!));
      const [first, second] = await twoWorkers({ WORKER_CONCURRENCY: "3", GRAPH_BUDGET_SHARE: "0.01" });
      await fallDue(fleet);
      const runs = await waitForFleet(fleet, 100_000);
      expect(runs.map((r) => r.status)).toEqual(Array(6).fill("succeeded"));
      await finishedLogged([first!, second!], 6);
      expect(first!.finished.length).toBeGreaterThan(0);
      expect(second!.finished.length).toBeGreaterThan(0);
      const { resourceUnits } = await admin.getFaults(tenant!.tenantId);
      expect(resourceUnits.throttled).toBe(0);
      expect(resourceUnits.spent).toBeGreaterThan(80); // two buckets' worth: the budget was what held them back
      expect(runs.reduce((sum, r) => sum + r.budgetWaits, 0)).toBeGreaterThan(0);
      expect(runs.reduce((sum, r) => sum + r.throttleWaits, 0)).toBe(0);
    }, 150_000);

    it("pauses a tenant in every process when Graph answers 429, and no other tenant", async () => {
      const [throttled, other] = await admin.createTenants({ sizes: [3, 3], seed: `pause-${Date.now()}` });
      const key = `${inject("queuePrefix")}:graph-budget:{${throttled!.clientId}}:${throttled!.tenantId}`;
      const redis = new IORedis(process.env.REDIS_URL!);
      try {
        const probe = spawn(
          process.execPath,
          ["--conditions=react-server", "--import", "tsx", "test/support/fleet/graph-probe.ts", JSON.stringify(throttled)],
          {
            env: process.env,
            stdio: ["pipe", "pipe", "inherit"],
          },
        );
        const lines = createInterface({ input: probe.stdout! });
        const said = (word: string) =>
          new Promise<void>((resolve, reject) => {
            lines.on("line", (line) => line.includes(`"${word}"`) && resolve());
            probe.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`probe exited ${code}`))));
          });
        const probeDone = said("done");
        await said("ready");
        // Graph refuses the tenant for 5 s (the probe's one request falls in it however busy the machine) but asks for
        // 8 s of quiet: a request that waits out the pause gets through, and the probe's retry too.
        await admin.setFaults(throttled!.tenantId, { throttle: { forSeconds: 5, retryAfterSeconds: 8 } });
        probe.stdin!.end("go\n");
        // The other process met the 429 and paused the tenant's bucket in Redis.
        const deadline = Date.now() + 20_000;
        while (!(await redis.hget(key, "pausedUntil")) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(await redis.hget(key, "pausedUntil")).not.toBeNull();

        const call = async (tenant: BatchTenant) => {
          const stats = emptyGraphCallStats();
          const client = graphClient(newConfidentialClient({ customerId: "test", ...tenant }), { ...tenant, tenantUsers: null }, stats);
          await client.api("/users").select("id").get();
          return stats;
        };
        const done: string[] = [];
        const [inThrottled, inOther] = await Promise.all([
          call(throttled!).finally(() => done.push("throttled")),
          call(other!).finally(() => done.push("other")),
        ]);
        await probeDone;
        expect(done).toEqual(["other", "throttled"]);
        expect(inOther.budgetWaits).toBe(0);
        expect(inThrottled.budgetWaits).toBe(1);
        expect(inThrottled.throttleWaits).toBe(0); // it waited for the pause, never meeting Graph's 429 itself
        const refused = (await admin.requestLog({ tenantId: throttled!.tenantId, pathPrefix: "/v1.0/users" })).filter((r) => r.status === 429);
        expect(refused).toHaveLength(1);
      } finally {
        redis.disconnect();
        await admin.clearFaults(throttled!.tenantId);
      }
    }, 60_000);
  });
});
