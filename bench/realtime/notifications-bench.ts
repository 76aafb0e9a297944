import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { runMigrations } from "../../db/migrate";
import { startEmulator } from "../../emulator";
import { startNotificationReceiver } from "../../test/support/notification-receiver";
import { createScratchDatabase } from "../../test/support/scratch-database";
import { benchEnvironment } from "../sync/bench-environment";

/**
 * Real time, "change → directory row" (issue 16): a user renamed through the
 * emulator's admin API, timed until the portal's directory row shows the new
 * name — the emulator notifies the route over HTTP, the debounced job starts
 * a delta run, the real worker code applies it. Beside it, a bare delta run
 * (One-time Sync) applying the same kind of change. Target: p95 ≤ the
 * debounce window + 2 × that delta run. One process: the emulator, the
 * route, both workers; PostgreSQL scratch database, jobs on Redis.
 */
const { values } = parseArgs({
  options: { changes: { type: "string", default: "200" }, users: { type: "string", default: "1000" }, debounce: { type: "string", default: "500" } },
});
const changes = Number(values.changes);
const debounceMs = Number(values.debounce);

const database = await createScratchDatabase("switchboard_bench");
const emulator = await startEmulator({ seed: "empty" });
const receiver = await startNotificationReceiver();
Object.assign(process.env, benchEnvironment(database.url, emulator.url), { PUBLIC_URL: receiver.url, REALTIME_DEBOUNCE_MS: String(debounceMs) });
await runMigrations(database.url);

// The portal's modules read the environment set above.
const { and, eq } = await import("drizzle-orm");
const { db, closeDb } = await import("../../db/client");
const { directoryEntries, syncRuns } = await import("../../db/schema");
const { createCustomerWithManager } = await import("../../test/support/factories");
const { saveEntraSettings } = await import("../../lib/connectors/entra/settings/save-entra-settings");
const { entraSettingsInput } = await import("../../lib/validation/entra-settings-input");
const { createWorker } = await import("../../lib/jobs/queue-backend");
const { directorySyncQueueName } = await import("../../lib/jobs/directory-sync-job");
const { processSyncJob } = await import("../../lib/sync/process-sync-job");
const { connectorOf } = await import("../../lib/connectors/registry");
const { startRun } = await import("../../lib/sync/start-run");
const { realtimeQueueName } = await import("../../lib/realtime/realtime-job");
const { processRealtimeJob } = await import("../../lib/realtime/process-realtime-job");
const { keepSubscription } = await import("../../lib/realtime/keep-subscription");
const { updateSubscriptionRow } = await import("../../lib/realtime/subscription-row");

const admin = emulator.admin;
const tenant = await admin.createTenant({ displayName: "Realtime bench" });
const app = await admin.createApp(tenant.id, { displayName: "Bench", permissions: ["User.Read.All", "GroupMember.Read.All"], secret: {} });
await admin.generateUsers(tenant.id, Number(values.users), "realtime-bench");
// Guests are not synced (skipGuests below): a guest's new name never reaches a directory row to time.
const userIds = (await admin.listUsers(tenant.id, { limit: 10_000 })).users.filter((user) => user.userType === "Member").map((user) => user.id);

const manager = await createCustomerWithManager();
const settings = { usage: "use", tenantId: tenant.id, clientId: app.clientId, clientSecret: app.secret!.value, period: "daily", weekday: "", runHour: "2" };
await saveEntraSettings(
  manager,
  entraSettingsInput.parse({ ...settings, runMinute: "0", runSecond: "0", skipGuests: "on", skipDisabled: "", groupFilter: "", removalThresholdPercent: "20" }),
);
const workers = [
  createWorker(directorySyncQueueName, (job) => processSyncJob(job as never, connectorOf), { concurrency: 2, lockDuration: 30_000 }),
  createWorker(realtimeQueueName, (job) => processRealtimeJob(job as never), { concurrency: 2, lockDuration: 30_000 }),
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nameOf = async (objectId: string) =>
  (
    await db()
      .select({ name: directoryEntries.displayName })
      .from(directoryEntries)
      .where(and(eq(directoryEntries.customerId, manager.customerId), eq(directoryEntries.aadObjectId, objectId)))
  )[0]?.name;
async function renameAndTime(i: number, tag: string, afterChange: () => Promise<unknown> = async () => {}): Promise<number> {
  const id = userIds[i % userIds.length]!;
  const name = `${tag} ${i} ${randomBytes(3).toString("hex")}`;
  const started = performance.now();
  await admin.updateUser(tenant.id, id, { displayName: name });
  await afterChange();
  while ((await nameOf(id)) !== name) await sleep(5);
  return performance.now() - started;
}
async function waitForRun(runId: string) {
  for (;;) {
    const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, runId));
    if (run && !["queued", "running"].includes(run.status)) return run;
    await sleep(20);
  }
}

// The first sync (full) leaves the delta link every later run starts from.
await waitForRun((await startRun(manager, "one_time", connectorOf("entra"))).id);

// Bare delta runs: real time off, a change, then One-time Sync, timed from the change to the row.
const bare: number[] = [];
for (let i = 0; i < Math.min(20, changes); i++)
  bare.push(await renameAndTime(i, "Bare", async () => waitForRun((await startRun(manager, "one_time", connectorOf("entra"))).id)));

await keepSubscription({ customerId: manager.customerId });
const notified: number[] = [];
for (let i = 0; i < changes; i++) notified.push(await renameAndTime(i, "Notified"));

const percentile = (list: number[], p: number) => [...list].sort((a, b) => a - b)[Math.min(list.length - 1, Math.ceil((p / 100) * list.length) - 1)]!;
const p50 = percentile(notified, 50);
const p95 = percentile(notified, 95);
const bareMedian = percentile(bare, 50);
const target = debounceMs + 2 * bareMedian;
const ms = (value: number) => `${value.toFixed(0)} ms`;
console.log(`
Real time, change → directory row: ${changes} renames through the emulator's admin API, each timed until the portal's
directory row shows it (the emulator notifies the route over HTTP, a debounced job, a delta run by the real worker code);
${Number(values.users).toLocaleString("en-US")} users, PostgreSQL scratch database, jobs on Redis, debounce window ${ms(debounceMs)}.

  bare delta run (One-time Sync after the change), median of ${bare.length}: ${ms(bareMedian)}
  change → row by notification:   p50 ${ms(p50)}   p95 ${ms(p95)}
    p95 vs debounce + 2 × delta run (${ms(target)}):   ${(p95 / target).toFixed(2).padStart(6)}   target <= 1.00   ${p95 <= target ? "met" : "NOT MET"}
`);

await updateSubscriptionRow(manager.customerId, { enabled: false });
await keepSubscription({ customerId: manager.customerId });
await Promise.all(workers.map((worker) => worker.close()));
await receiver.close();
await emulator.close();
await closeDb();
await database.drop();
process.exit(0);
