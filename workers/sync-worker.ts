import "./worker-service-name";
import { closeDb } from "@/db/client";
import { env } from "@/lib/env";
import { directorySyncQueueName, type DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { createWorker, usesRedis } from "@/lib/jobs/queue-backend";
import { logger } from "@/lib/logger";
import { serveWorkerMetrics } from "@/lib/metrics/serve-worker-metrics";
import { connectorOf } from "@/lib/connectors/registry";
import { processSyncJob } from "@/lib/sync/process-sync-job";

/**
 * The worker process: runs directory-sync jobs (one-time, simulate, full
 * resync, and those the per-customer job schedulers create), WORKER_CONCURRENCY
 * at a time — many customers may sync at once; one customer never runs two
 * (the run row is the lock). Any number of these processes, on any machines,
 * share the one queue: they need only Redis (or the PostgreSQL backend) and
 * PostgreSQL. A job whose worker died is picked up again by another once its
 * lock lapses (BullMQ's stalled-job check).
 */
const lockMs = env().WORKER_LOCK_DURATION_MS;
const worker = createWorker<DirectorySyncPayload>(directorySyncQueueName, (job) => processSyncJob(job, connectorOf), {
  concurrency: env().WORKER_CONCURRENCY,
  lockDuration: lockMs,
  stalledInterval: lockMs,
  maxStalledCount: 2,
});

worker.on("failed", (job, error) => logger.warn({ jobId: job?.id, attemptsMade: job?.attemptsMade, err: { name: error.name } }, "sync job attempt failed"));
worker.on("error", (error) => logger.error({ err: { name: error.name, message: error.message } }, "worker error"));
worker.on("ready", () => logger.info({ backend: usesRedis() ? "redis" : "postgres", concurrency: env().WORKER_CONCURRENCY }, "sync worker ready"));

const metricsServer = await serveWorkerMetrics();

async function shutdown(signal: string) {
  logger.info({ signal }, "worker stopping: letting the current jobs finish");
  metricsServer?.close();
  await worker.close();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
