import { parseArgs } from "node:util";
import { closeDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { directorySyncQueue } from "../../lib/jobs/directory-sync-job";
import { createScratchDatabase } from "../../test/support/scratch-database";
import { benchCustomer } from "./bench-customer";
import { benchEnvironment } from "./bench-environment";
import { withBenchWorker } from "./bench-worker";
import { makeChanges } from "./make-changes";
import { printReport } from "./report";
import { runFloor } from "./run-floor";
import { startBenchEmulator } from "./start-bench-emulator";
import { timedRun } from "./timed-run";

/**
 * The sync engine's benchmark (issue 4), all measured side by side in one run:
 * the floor; a full sync of the small and the large tenant, each by a fresh
 * worker so that its peak memory is its own; then 100 changes and the
 * incremental run that follows; the floor again, so that drift on a busy
 * machine shows. Prints the ratios with their targets; never fails on them.
 */
const { values } = parseArgs({ options: { users: { type: "string", default: "100000" }, small: { type: "string", default: "10000" } } });
const [largeCount, smallCount] = [Number(values.users), Number(values.small)];

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
  const floors = [await runFloor(floorInput)];

  const small = await withBenchWorker(async (worker) => {
    const idleRssMib = worker.rssMib();
    const full = await timedRun(await benchCustomer(smallTenant));
    return { full, idleRssMib, peakRssMib: worker.peakRssMib() };
  });
  const large = await withBenchWorker(async (worker) => {
    const idleRssMib = worker.rssMib();
    const manager = await benchCustomer(largeTenant);
    const full = await timedRun(manager);
    const peakRssMib = worker.peakRssMib();
    const expected = await makeChanges(emulator.admin, largeTenant.tenantId);
    const incremental = await timedRun(manager);
    return { full, idleRssMib, peakRssMib, incremental, expected };
  });
  floors.push(await runFloor(floorInput));
  printReport({ floors, small, large });
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  // Leave nothing behind: the queue's keys in Redis, the scratch database, the emulator.
  await directorySyncQueue().obliterate({ force: true }).catch(() => undefined);
  await directorySyncQueue().close().catch(() => undefined);
  await closeDb();
  await database.drop();
  emulator.stop();
}
process.exit(exitCode);
