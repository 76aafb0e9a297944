import { parseArgs } from "node:util";
import { closeDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { directorySyncQueue } from "../../lib/jobs/directory-sync-job";
import { createScratchDatabase } from "../../test/support/scratch-database";
import { benchCustomer } from "./bench-customer";
import { benchEnvironment } from "./bench-environment";
import { withBenchWorker } from "./bench-worker";
import { checkpoint } from "./checkpoint";
import { makeChanges } from "./make-changes";
import { printReport } from "./report";
import { runFloor } from "./run-floor";
import { startBenchEmulator } from "./start-bench-emulator";
import { timedRun } from "./timed-run";

/**
 * The sync engine's benchmark (issue 4), all measured side by side in one run:
 * the floor; a full sync of the small tenant and two of the large one, each
 * tenant by a fresh worker so that its peak memory is its own; then twice 100
 * changes and the incremental run that follows; the first syncs with
 * provisioning on (issue 14), small and large; the floor again. The floor,
 * the large full sync and the incremental run count their faster measure:
 * the machine's noise is larger than the differences looked for. Last, with
 * the emulator answering each request after `--latency` ms (Graph-like), the
 * large tenant's first sync (read as parallel listings, issue 19) against the
 * floor at the same latency, each twice. Prints the ratios with their targets; never
 * fails on them.
 */
const { values } = parseArgs({
  options: { users: { type: "string", default: "100000" }, small: { type: "string", default: "10000" }, latency: { type: "string", default: "250" } },
});
const [largeCount, smallCount, latencyMs] = [Number(values.users), Number(values.small), Number(values.latency)];

if (!process.env.NODE_EXTRA_CA_CERTS) {
  console.error("Run through `npm run bench:sync` so the process trusts the emulator's CA.");
  process.exit(1);
}

const emulator = await startBenchEmulator([smallCount, largeCount]);
const [smallTenant, largeTenant] = [emulator.tenants[0]!, emulator.tenants[1]!];
const database = await createScratchDatabase("switchboard_bench");
Object.assign(process.env, benchEnvironment(database.url, emulator.url));
let exitCode = 0;
try {
  await runMigrations(database.url);
  const floorInput = { emulatorUrl: emulator.url, tenant: largeTenant, databaseUrl: database.url };
  const measuredFloor = async () => {
    await checkpoint();
    return runFloor(floorInput);
  };
  const measuredRun = async (manager: Awaited<ReturnType<typeof benchCustomer>>) => {
    await checkpoint();
    return timedRun(manager);
  };
  const floors = [await measuredFloor()];

  const fastest = <T extends { ms: number }>(runs: T[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  /** First syncs of the small tenant, each by a customer of its own, the faster counting; peak memory is the worker's. */
  const smallSyncs = (provisioning: boolean) =>
    withBenchWorker(async (worker) => {
      const idleRssMib = worker.rssMib();
      const runs = [];
      for (const _ of [1, 2]) runs.push(await measuredRun(await benchCustomer(smallTenant, { provisioning })));
      return { full: fastest(runs), fullMs: runs.map((r) => r.ms), idleRssMib, peakRssMib: worker.peakRssMib() };
    });
  const small = await smallSyncs(false);
  const smallProvisioned = await smallSyncs(true);
  // Provisioning's memory at scale: one first sync of the large tenant with provisioning on, in a worker of its own.
  const largeProvisioned = await withBenchWorker(async (worker) => {
    const idleRssMib = worker.rssMib();
    const full = await measuredRun(await benchCustomer(largeTenant, { provisioning: true }));
    return { full, idleRssMib, peakRssMib: worker.peakRssMib() };
  });
  const large = await withBenchWorker(async (worker) => {
    const idleRssMib = worker.rssMib();
    // Like the floor, measured twice (each the first sync of a customer of its own); the faster counts.
    const fulls = [];
    for (const _ of [1, 2]) {
      const manager = await benchCustomer(largeTenant);
      fulls.push({ manager, ...(await measuredRun(manager)) });
    }
    const peakRssMib = worker.peakRssMib();
    // Two rounds of 100 changes, each followed by an incremental run; the faster counts here too.
    const incrementals = [];
    for (const round of [1, 2]) {
      const expected = await makeChanges(emulator.admin, largeTenant.tenantId, round);
      incrementals.push({ expected, ...(await measuredRun(fulls[1]!.manager)) });
    }
    const incremental = fastest(incrementals);
    return { full: fastest(fulls), fullMs: fulls.map((f) => f.ms), idleRssMib, peakRssMib, incremental, incrementals, expected: incremental.expected };
  });
  floors.push(await measuredFloor());
  // Graph's own pace: every request of the large tenant answered after latencyMs, for the floor and the sync alike.
  await emulator.admin.setFaults(largeTenant.tenantId, { latencyMs });
  // Measured twice too, the faster counting: after the phases above the machine is still writing their rows back.
  const latentFloors = [await measuredFloor(), await measuredFloor()];
  const latentFulls = await withBenchWorker(async () => [
    await measuredRun(await benchCustomer(largeTenant)),
    await measuredRun(await benchCustomer(largeTenant)),
  ]);
  const latent = {
    latencyMs,
    floor: fastest(latentFloors),
    floorsMs: latentFloors.map((f) => f.ms),
    full: fastest(latentFulls),
    fullMs: latentFulls.map((f) => f.ms),
  };
  await emulator.admin.clearFaults(largeTenant.tenantId);
  printReport({ floors, small, large, provisioning: { small: smallProvisioned, large: largeProvisioned }, latent });
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  // Leave nothing behind: the queue's keys in Redis, the scratch database, the emulator.
  await directorySyncQueue()
    .obliterate({ force: true })
    .catch(() => undefined);
  await directorySyncQueue()
    .close()
    .catch(() => undefined);
  await closeDb();
  await database.drop();
  emulator.stop();
}
process.exit(exitCode);
