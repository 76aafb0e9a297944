import { availableParallelism } from "node:os";
import { parseArgs } from "node:util";
import { closeDb } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import { env } from "../../lib/env";
import { directorySyncQueue } from "../../lib/jobs/directory-sync-job";
import { createScratchDatabase } from "../../test/support/scratch-database";
import { benchEnvironment } from "../sync/bench-environment";
import { checkpoint } from "../sync/checkpoint";
import { fleetSizes } from "./fleet-mix";
import { runFleetPhase } from "./fleet-phase";
import { printFleetReport } from "./fleet-report";
import { startFleetEmulator } from "./start-fleet-emulator";

/**
 * The fleet benchmark (issue 17): a SaaS portal's customers all due at once.
 * The fleet's tenants (fleet-mix.ts) live in an emulator process of their own
 * answering at Graph's pace and throttling by resource units; each phase gives
 * every tenant a new customer and runs the whole fleet with fresh worker
 * processes (1, then more), after the largest tenant alone. Prints the
 * makespan against the fleet floor, the scaling by processes, the worker's
 * memory and what the emulator refused. Then the same fleet falls due as its
 * schedules' jitter spreads it, to time the small tenants due while a large
 * one runs. Never fails on the figures.
 */
const { values } = parseArgs({
  options: {
    customers: { type: "string", default: "500" },
    latency: { type: "string", default: "250" },
    workers: { type: "string", default: "1,2" },
    concurrency: { type: "string", default: "64" },
    // The schedules' jitter the spread phase falls due over: SCHEDULE_JITTER_SECONDS's default unless given.
    spread: { type: "string" },
  },
});
const customers = Number(values.customers);
const latencyMs = Number(values.latency);
const workerCounts = values.workers!.split(",").map(Number);
const concurrency = Number(values.concurrency);

if (!process.env.NODE_EXTRA_CA_CERTS) {
  console.error("Run through `npm run bench:fleet` so the process trusts the emulator's CA.");
  process.exit(1);
}

const sizes = fleetSizes(customers);
const emulator = await startFleetEmulator(sizes, latencyMs);
const database = await createScratchDatabase("switchboard_fleet");
Object.assign(process.env, benchEnvironment(database.url, emulator.url));
// Each worker: its jobs at once, connections enough for their page writes, a lock that outlasts a busy moment.
const workerEnv = { WORKER_CONCURRENCY: String(concurrency), DATABASE_POOL_SIZE: "20", WORKER_LOCK_DURATION_MS: "30000", LOG_LEVEL: "info" };
let exitCode = 0;
try {
  await runMigrations(database.url);
  const largest = emulator.tenants.reduce((a, b) => (b.userCount > a.userCount ? b : a));
  await checkpoint();
  const largestAlone = await runFleetPhase([largest], 1, workerEnv);
  const phases = [];
  for (const workers of workerCounts) {
    await checkpoint();
    phases.push(await runFleetPhase(emulator.tenants, workers, workerEnv));
  }
  await checkpoint();
  const spread = await runFleetPhase(emulator.tenants, 1, workerEnv, values.spread === undefined ? env().SCHEDULE_JITTER_SECONDS : Number(values.spread));
  const counted = (await emulator.admin.listTenants()).map((t) => t.faults.resourceUnits);
  printFleetReport({
    customers,
    requestedCustomers: customers,
    latencyMs,
    concurrency,
    cores: availableParallelism(),
    totalUsers: sizes.reduce((a, b) => a + b, 0),
    largestUsers: largest.userCount,
    largestAlone,
    phases,
    spread,
    graph: {
      throttled: counted.reduce((sum, c) => sum + c.throttled, 0),
      requests: counted.reduce((sum, c) => sum + c.requests, 0),
      spent: counted.reduce((sum, c) => sum + c.spent, 0),
    },
  });
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
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
