import "./worker-service-name";
import { closeDb } from "@/db/client";
import { env } from "@/lib/env";
import { directorySyncQueueName, type DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { createWorker, usesRedis } from "@/lib/jobs/queue-backend";
import { logger } from "@/lib/logger";
import { capConnectionsPerHost } from "@/lib/net/capped-connections";
import { serveWorkerMetrics } from "@/lib/metrics/serve-worker-metrics";
import { connectorOf } from "@/lib/connectors/registry";
import { processSyncJob } from "@/lib/sync/process-sync-job";
import { realtimeQueueName, scheduleKeepAll, type RealtimePayload } from "@/lib/realtime/realtime-job";
import { processRealtimeJob } from "@/lib/realtime/process-realtime-job";
import { scheduleWebhookSweep, webhookQueueName, type WebhookJobPayload } from "@/lib/jobs/webhook-jobs";
import { processWebhookJob } from "@/lib/webhooks/process-webhook-job";

/**
 * The worker process: runs directory-sync jobs (one-time, simulate, full
 * resync, and those the per-customer job schedulers create), WORKER_CONCURRENCY
 * at a time — many customers may sync at once; one customer never runs two
 * (the run row is the lock). Any number of these processes, on any machines,
 * share the one queue: they need only Redis (or the PostgreSQL backend) and
 * PostgreSQL. A job whose worker died is picked up again by another once its
 * lock lapses (BullMQ's stalled-job check).
 */
capConnectionsPerHost();
const lockMs = env().WORKER_LOCK_DURATION_MS;
const worker = createWorker<DirectorySyncPayload>(directorySyncQueueName, (job) => processSyncJob(job, connectorOf), {
  concurrency: env().WORKER_CONCURRENCY,
  lockDuration: lockMs,
  stalledInterval: lockMs,
  maxStalledCount: 2,
});

/**
 * Webhook deliveries in the same process: waiting on receivers, not on the
 * CPU, so many at once; a slow receiver holds one slot for at most
 * WEBHOOK_TIMEOUT_MS.
 */
const webhookWorker = createWorker<WebhookJobPayload>(webhookQueueName, processWebhookJob, { concurrency: 16, lockDuration: lockMs, stalledInterval: lockMs });
webhookWorker.on("error", (error) => logger.error({ err: { name: error.name, message: error.message } }, "webhook worker error"));

worker.on("failed", (job, error) => logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: { name: error.name } }, "sync job attempt failed"));
worker.on("error", (error) => logger.error({ err: { name: error.name, message: error.message } }, "worker error"));
worker.on("ready", () => logger.info({ backend: usesRedis() ? "redis" : "postgres", concurrency: env().WORKER_CONCURRENCY }, "sync worker ready"));

const metricsServer = await serveWorkerMetrics();

// Real time (Graph change notifications): keeping subscriptions, lifecycle events, and the debounced
// job that turns a burst of notifications into one run on the queue above.
const realtimeWorker = createWorker<RealtimePayload>(realtimeQueueName, (job) => processRealtimeJob(job), {
  concurrency: 2,
  lockDuration: lockMs,
  stalledInterval: lockMs,
});
realtimeWorker.on("failed", (job, error) => logger.warn({ jobId: job?.id, name: job?.name, err: { name: error.name } }, "real-time job attempt failed"));
realtimeWorker.on("error", (error) => logger.error({ err: { name: error.name, message: error.message } }, "real-time worker error"));
await scheduleKeepAll();
// Once a minute, deliveries and run events whose enqueue was lost (a crash or a queue outage after the commit).
await scheduleWebhookSweep();

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping: letting the current jobs finish");
  metricsServer?.close();
  await Promise.all([worker.close(), realtimeWorker.close(), webhookWorker.close()]);
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
