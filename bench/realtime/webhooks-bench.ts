/**
 * The webhooks part of `npm run bench:realtime` (run after the notifications part) of issue 16's benchmark:
 * EVENTS events (10,000) to a receiver that fails every third request, all of
 * which must arrive, none twice once deduplicated by webhook-id, in order per
 * entry; and the same count to a receiver that never fails, for throughput.
 * The real delivery path: rows and BullMQ jobs (Redis when REDIS_URL or
 * TEST_REDIS_URL answers, else the PostgreSQL backend), the worker's handler,
 * signatures checked by the receiver with standardwebhooks. Scratch database
 * on the local PostgreSQL. (The Graph-notification part belongs to the "In" half.)
 */
import { randomBytes } from "node:crypto";
import { createScratchDatabase } from "../../test/support/scratch-database";
import { startWebhookReceiver, waitUntil } from "../../test/support/webhook-receiver";

const events = Number(process.env.EVENTS ?? 10_000);
const entries = Math.max(1, Math.floor(events / 10));

const scratch = await createScratchDatabase("switchboard_bench_realtime");
Object.assign(process.env, {
  DATABASE_URL: scratch.url,
  NEXTAUTH_SECRET: "bench-realtime-secret-of-at-least-32-chars",
  ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
  OUTBOUND_ALLOW: "loopback",
  WEBHOOK_RETRY_DELAY_MS: "20",
  LOG_LEVEL: "silent",
  QUEUE_PREFIX: `bench-realtime-${process.pid}`,
  REDIS_URL: process.env.REDIS_URL ?? process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
});
if (process.env.TEST_QUEUE === "postgres") delete process.env.REDIS_URL;

const { runMigrations } = await import("../../db/migrate");
await runMigrations(scratch.url);
const { closeDb } = await import("../../db/client");
const { createCustomerWithManager } = await import("../../test/support/factories");
const { createWorker } = await import("../../lib/jobs/queue-backend");
const { webhookQueueName, webhookQueue } = await import("../../lib/jobs/webhook-jobs");
const { processWebhookJob } = await import("../../lib/webhooks/process-webhook-job");
const { createEndpoint } = await import("../../lib/webhooks/endpoints");
const { endpointInput } = await import("../../lib/webhooks/endpoint-input");
const { emitWebhookEvents } = await import("../../lib/webhook-events/emit-events");

const worker = createWorker(webhookQueueName, processWebhookJob, { concurrency: 16, lockDuration: 30_000, stalledInterval: 30_000 });

/** Sends `events` events about `entries` entries to a fresh endpoint at the receiver; the time until all are accepted. */
async function deliverAll(failEvery?: number) {
  const receiver = await startWebhookReceiver({ failEvery });
  const manager = await createCustomerWithManager();
  const { secret } = await createEndpoint(manager, endpointInput.parse({ url: receiver.url, description: "bench", eventTypes: "directory.entry.updated" }));
  receiver.setSecret(secret);
  const batch = Array.from({ length: events }, (_, i) => ({
    type: "directory.entry.updated",
    orderKey: `entry:${i % entries}`,
    data: { entry: i % entries, step: Math.floor(i / entries) },
  }));
  const started = performance.now();
  await emitWebhookEvents(manager.customerId, batch);
  await waitUntil(() => receiver.accepted.length >= events, 600_000);
  const ms = performance.now() - started;
  const ids = new Set(receiver.accepted.map((e) => e.id));
  const inOrder = Array.from({ length: entries }, (_, entry) =>
    receiver.accepted.filter((e) => e.data.entry === entry).every((e, i) => e.data.step === i),
  ).every(Boolean);
  const { requests, badSignatures } = receiver.counts();
  await receiver.close();
  return { ms, accepted: receiver.accepted.length, unique: ids.size, inOrder, requests, badSignatures };
}

try {
  const flaky = await deliverAll(3);
  const steady = await deliverAll();
  const perSecond = (r: { ms: number }) => events / (r.ms / 1000);
  const ratio = perSecond(flaky) / perSecond(steady);
  const met = (ok: boolean) => (ok ? "met" : "NOT MET");
  const n = (v: number) => v.toLocaleString("en-US");
  console.log(`
Webhooks out, ${n(events)} events about ${n(entries)} entries, one endpoint, worker concurrency 16, jobs on ${process.env.REDIS_URL ? "Redis" : "PostgreSQL"}:

                                   fails every 3rd request   never fails
  time until all accepted          ${`${(flaky.ms / 1000).toFixed(2)} s`.padStart(22)}   ${`${(steady.ms / 1000).toFixed(2)} s`.padStart(11)}
  events a second                  ${perSecond(flaky).toFixed(0).padStart(22)}   ${perSecond(steady).toFixed(0).padStart(11)}
  requests the receiver saw        ${n(flaky.requests).padStart(22)}   ${n(steady.requests).padStart(11)}

  all ${n(events)} delivered (flaky receiver):          ${n(flaky.accepted).padStart(7)}   ${met(flaky.accepted === events)}
  none twice after deduplication by webhook-id:  ${n(flaky.unique).padStart(7)}   ${met(flaky.unique === events)}
  in order for every entry:                      ${String(flaky.inOrder).padStart(7)}   ${met(flaky.inOrder && steady.inOrder)}
  every signature valid:                         ${String(flaky.badSignatures + steady.badSignatures === 0).padStart(7)}   ${met(flaky.badSignatures + steady.badSignatures === 0)}
  throughput, flaky / never failing:             ${ratio.toFixed(2).padStart(7)}   (no target: retries cost their backoff)
`);
} finally {
  await worker.close();
  await webhookQueue().close();
  await closeDb();
  await scratch.drop();
}
// Something left open keeps the event loop alive after the closes above (not yet tracked down); the figures are
// printed, so the benchmark ends here, as the notifications part does.
process.exit(0);
