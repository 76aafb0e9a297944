import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges, syncRuns, type SyncConnector, type SyncRun, type SyncTrigger } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import type { EntraProblem } from "@/lib/entra/explain-entra-error";

/** The bookkeeping of a run's life: created queued, running per attempt, then final. */

export class RunAlreadyActiveError extends Error {
  constructor() {
    super("A sync is already running for this company.");
  }
}

export async function createRun(input: { customerId: string; connector: SyncConnector; trigger: SyncTrigger; requestedBy?: string | null }): Promise<SyncRun> {
  try {
    const [run] = await db().insert(syncRuns).values(input).returning();
    return run!;
  } catch (error) {
    if (violatedConstraint(error) === "sync_runs_one_active_per_customer") throw new RunAlreadyActiveError();
    throw error;
  }
}

export async function findActiveRun(customerId: string, connector: SyncConnector): Promise<SyncRun | undefined> {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.customerId, customerId), eq(syncRuns.connector, connector), inArray(syncRuns.status, ["queued", "running"])))
    .limit(1);
  return run;
}

export async function getRunById(runId: string): Promise<SyncRun | undefined> {
  const [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, runId)).limit(1);
  return run;
}

/**
 * A new attempt starts from a clean slate for everything it recomputes
 * (pages, pending removals). What earlier attempts already changed in the
 * directory stays counted where it was written, and the new attempt does not
 * count it again (planPage's runId: entries carry the run that last wrote
 * them), so the counters describe the run's net effect. Simulate wrote nothing, so
 * its retry recomputes everything. One statement, one round trip.
 */
export async function startAttempt(runId: string, round: "full" | "delta", simulate = false): Promise<void> {
  await db().execute(sql`
    with dropped as (delete from sync_run_changes where run_id = ${runId}::uuid and (kind = 'removed' or ${simulate}::boolean)),
    dropped_created as (delete from sync_run_created_pages where run_id = ${runId}::uuid and ${simulate}::boolean)
    update sync_runs set status = 'running', round = ${round}::sync_round, started_at = coalesce(started_at, now()),
      unchanged = 0, skipped = 0, pending_removals = 0, pages_fetched = 0, entries_processed = 0,
      created = case when ${simulate}::boolean then 0 else created end,
      updated = case when ${simulate}::boolean then 0 else updated end,
      disabled = case when ${simulate}::boolean then 0 else disabled end
    where id = ${runId}::uuid`);
}

/**
 * Takes a job's run for one more attempt: counts it and marks it running, in
 * one statement. Undefined when the run is already final (a duplicate delivery).
 */
export async function claimAttempt(runId: string): Promise<SyncRun | undefined> {
  const [run] = await db()
    .update(syncRuns)
    .set({ attempts: sql`${syncRuns.attempts} + 1`, status: "running" })
    .where(and(eq(syncRuns.id, runId), inArray(syncRuns.status, ["queued", "running"])))
    .returning();
  return run;
}

/** A failed attempt that will be retried: say so on the run, and drop what it had not yet applied. */
export async function noteRetry(runId: string, problem: EntraProblem): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.delete(syncRunChanges).where(and(eq(syncRunChanges.runId, runId), eq(syncRunChanges.kind, "removed")));
    await tx
      .update(syncRuns)
      .set({ errorCode: problem.code, error: `${problem.message} Trying again shortly.`, pendingRemovals: 0 })
      .where(eq(syncRuns.id, runId));
  });
}

/** The run failed for good: nothing is removed, the delta link is not moved, and the reason is kept in plain words. */
export async function failRun(runId: string, problem: EntraProblem): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.delete(syncRunChanges).where(and(eq(syncRunChanges.runId, runId), eq(syncRunChanges.kind, "removed")));
    await tx
      .update(syncRuns)
      .set({ status: "failed", errorCode: problem.code, error: problem.message, pendingRemovals: 0, finishedAt: new Date() })
      .where(eq(syncRuns.id, runId));
  });
}

/** A newer run makes an older unconfirmed one moot: its removals are recomputed by the newer one. */
export async function supersedeUnconfirmed(run: Pick<SyncRun, "id" | "customerId" | "connector">): Promise<void> {
  await db()
    .update(syncRuns)
    .set({ status: "superseded" })
    .where(and(eq(syncRuns.customerId, run.customerId), eq(syncRuns.connector, run.connector), eq(syncRuns.status, "needs_confirmation"), sql`${syncRuns.id} <> ${run.id}`));
}
