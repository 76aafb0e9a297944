import "server-only";
import { createHash } from "node:crypto";
import type { Job } from "bullmq";
import { directorySyncPayload, keepSchedulePriority, type DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { syncQueueWaitSeconds, syncRunSeconds, syncRunsTotal } from "@/lib/metrics/metrics";
import type { ConnectorLookup } from "./connector";
import { syncPriority } from "./queue-priority";
import { runAttempt } from "./run-attempt";
import { claimAttempt, failRun, noteRetry, RunAlreadyActiveError, supersedeUnconfirmed } from "./run-records";
import { createRunReclaiming } from "./create-run-reclaiming";
import { isCustomerSuspended } from "@/lib/suspension/customer-suspended";
import { announceRunEnd } from "@/lib/webhook-events/announce-run-end";

/**
 * The worker's handler for a directory-sync job. A failure that may pass (an
 * outage, throttling, a reset connection, a killed worker) is thrown back to
 * BullMQ, which retries with exponential backoff; one that will not (a wrong
 * or expired secret, missing consent) or the last attempt ends the run as
 * failed, in plain words (the connector's), with nothing removed.
 */
export async function processSyncJob(job: Job<DirectorySyncPayload>, connectorOf: ConnectorLookup): Promise<void> {
  // Queue wait from when the job was due (a scheduled or retried job is delayed until then); the first attempt only.
  if (job.attemptsMade === 0) syncQueueWaitSeconds.observe(Math.max(0, Date.now() - job.timestamp - (job.opts.delay ?? 0)) / 1000);
  const stopTimer = syncRunSeconds.startTimer();
  const outcome = await processAttempt(job, connectorOf).catch((error: unknown) => {
    syncRunsTotal.inc({ outcome: "retrying" });
    stopTimer({ outcome: "retrying" });
    throw error;
  });
  syncRunsTotal.inc({ outcome });
  stopTimer({ outcome });
}

type AttemptOutcome = "succeeded" | "needs_confirmation" | "failed" | "skipped";

async function processAttempt(job: Job<DirectorySyncPayload>, connectorOf: ConnectorLookup): Promise<AttemptOutcome> {
  const payload = directorySyncPayload.parse(job.data);
  if (await isCustomerSuspended(payload.customerId)) {
    // Nothing is read or written for a suspended company; its schedule stays for its reactivation.
    logger.info({ customerId: payload.customerId }, "sync skipped: the company is suspended");
    if (payload.runId)
      await failRun({
        customerId: payload.customerId,
        runId: payload.runId,
        problem: { code: "suspended", message: "The company is suspended: nothing was read or changed.", retryable: false },
      });
    return "skipped";
  }
  let runId = payload.runId;
  if (!runId) {
    // The run is named after the job: a worker that dies between creating the run and noting it in the job
    // leaves a queued run that the job's next attempt (in any worker) recognises as its own, not as another sync.
    const ownRunId = runIdOfJob(job);
    try {
      const created = { id: ownRunId, jobId: job.id, customerId: payload.customerId, connector: payload.connector, trigger: "schedule" } as const;
      runId = (await createRunReclaiming(created)).id;
    } catch (error) {
      if (!(error instanceof RunAlreadyActiveError)) throw error;
      logger.info({ customerId: payload.customerId }, "scheduled sync skipped: a sync is already running");
      return "skipped";
    }
    // Retries of this job continue the same run.
    await job.updateData({ ...payload, runId });
  }

  const run = await claimAttempt({ customerId: payload.customerId, runId });
  if (!run) return "skipped"; // already final: a duplicate delivery
  await supersedeUnconfirmed(run);
  const connector = connectorOf(run.connector);
  const log = logger.child({ runId: run.id, customerId: run.customerId, connector: run.connector, trigger: run.trigger, attempt: job.attemptsMade + 1 });
  log.info("sync started");

  try {
    const outcome = await runAttempt(connector, run);
    log.info({ outcome }, "sync finished");
    await announceRunEnd({ customerId: run.customerId, runId: run.id, outcome });
    // The schedule's next jobs follow the company's size into its lane; a queue hiccup here only leaves the old lane.
    if (run.trigger === "schedule")
      await keepSchedulePriority({ customerId: run.customerId, connector: run.connector, priority: await syncPriority(run) }).catch((error: unknown) =>
        log.warn({ err: { name: (error as Error).name } }, "could not move the schedule to its lane"),
      );
    return outcome;
  } catch (error) {
    const problem = await connector.explainError({ customerId: run.customerId, error });
    const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    log.warn({ code: problem.code, retryable: problem.retryable, lastAttempt, err: redactable(error) }, "sync attempt failed");
    if (problem.retryable && !lastAttempt) {
      await noteRetry({ customerId: run.customerId, runId: run.id, problem });
      throw error;
    }
    await failRun({ customerId: run.customerId, runId: run.id, problem, announce: true });
    await announceRunEnd({ customerId: run.customerId, runId: run.id, outcome: "failed" });
    return "failed";
  }
}

/** A UUID of the job's own (its queue and ID hashed), the same for every attempt of the job. */
export function runIdOfJob(job: Job): string {
  const hex = createHash("sha256").update(`${job.queueQualifiedName}/${job.id}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Error details for the log without anything a library may have attached (requests carry tokens). */
function redactable(error: unknown): { name?: string; code?: unknown; statusCode?: unknown } {
  const e = error as { name?: string; code?: unknown; errorCode?: unknown; statusCode?: unknown };
  return { name: e?.name, code: e?.code ?? e?.errorCode, statusCode: e?.statusCode };
}
