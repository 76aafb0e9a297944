import "server-only";
import type { SyncRun } from "@/db/schema";
import { runJobIsAlive } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { createRun, failRun, findActiveRun, RunAlreadyActiveError } from "./run-records";

/** A run is created a moment before its job is added: younger than this, a run without a job is being started, not lost. */
const startingRunMs = 60_000;

/**
 * Creates a run (the run row is the company's lock), first failing an
 * active run whose job the queue no longer holds — its worker died more
 * often than BullMQ's stalled-job limit allows, or the job was removed — so
 * that a lost job cannot block the company's syncs, scheduled or started by
 * hand, forever. Throws RunAlreadyActiveError while the active run's job
 * lives.
 */
export async function createRunReclaiming(input: Parameters<typeof createRun>[0]): Promise<SyncRun> {
  try {
    return await createRun(input);
  } catch (error) {
    if (!(error instanceof RunAlreadyActiveError)) throw error;
    const active = await findActiveRun(input);
    if (!active || !(await isLost(active))) throw error;
    logger.warn({ customerId: active.customerId, runId: active.id }, "an active run's job is gone: marking the run failed");
    await failRun({
      customerId: active.customerId,
      runId: active.id,
      problem: { code: "interrupted", message: "The sync was interrupted and its job was lost.", retryable: false },
    });
    // A second start racing this one may have taken the lock meanwhile: RunAlreadyActiveError, as it should.
    return await createRun(input);
  }
}

async function isLost(run: SyncRun): Promise<boolean> {
  if (Date.now() - run.queuedAt.getTime() < startingRunMs) return false;
  return !(await runJobIsAlive(run.jobId ?? run.id));
}
