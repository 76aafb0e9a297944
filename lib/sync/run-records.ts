import "server-only";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { syncRoundEnum, syncRunChanges, syncRunCreatedPages, syncRuns, type ConnectorId, type SyncRun, type SyncTrigger } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import { ofCustomer } from "@/lib/tenancy";
import type { SyncProblem } from "./connector";
import { column, enumType } from "@/db/sql-names";
import { oweRunEvents } from "@/lib/webhook-events/owe-run-events";

/** The bookkeeping of a run's life: created queued, running per attempt, then final. */

export class RunAlreadyActiveError extends Error {
  constructor() {
    super("A sync is already running for this company.");
  }
}

type OfRun = { customerId: string; runId: string };
const ofRun = ({ customerId, runId }: OfRun) => and(ofCustomer(syncRuns, customerId), eq(syncRuns.id, runId));

/**
 * `id`: a scheduled job names its run after itself, so that its retry finds
 * the run it made (process-sync-job.ts): creating a named run that exists
 * returns it, whatever its status.
 */
export async function createRun(input: {
  id?: string;
  customerId: string;
  connector: ConnectorId;
  trigger: SyncTrigger;
  requestedBy?: string | null;
  jobId?: string;
}): Promise<SyncRun> {
  try {
    const [run] = await db().insert(syncRuns).values(input).onConflictDoNothing({ target: syncRuns.id }).returning();
    if (run) return run;
    // Only a named run can be there already: made by an earlier attempt of the same job, which died before noting it.
    const own = await getRunById({ customerId: input.customerId, runId: input.id! });
    if (!own) throw new Error("A run of that ID belongs to another company.");
    return own;
  } catch (error) {
    if (violatedConstraint(error) === "sync_runs_one_active_per_customer") throw new RunAlreadyActiveError();
    throw error;
  }
}

export async function findActiveRun({ customerId, connector }: { customerId: string; connector: ConnectorId }): Promise<SyncRun | undefined> {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.connector, connector), inArray(syncRuns.status, ["queued", "running"])))
    .limit(1);
  return run;
}

export async function getRunById(input: OfRun): Promise<SyncRun | undefined> {
  const [run] = await db().select().from(syncRuns).where(ofRun(input)).limit(1);
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
export async function startAttempt({ customerId, runId, round, simulate = false }: OfRun & { round: "full" | "delta"; simulate?: boolean }): Promise<void> {
  const r = syncRuns;
  const c = syncRunChanges;
  const p = syncRunCreatedPages;
  const zero = (counter: PgColumn) => sql`${column(counter)} = 0`;
  // Counters an earlier attempt's writes stand for, kept unless Simulate (which wrote nothing).
  const kept = (counter: PgColumn) => sql`${column(counter)} = case when ${simulate}::boolean then 0 else ${counter} end`;
  await db().execute(sql`
    with dropped as (delete from ${c} where ${c.runId} = ${runId}::uuid and ${c.customerId} = ${customerId}::uuid and (${c.kind} = 'removed' or ${simulate}::boolean)),
    dropped_created as (delete from ${p} where ${p.runId} = ${runId}::uuid and ${p.customerId} = ${customerId}::uuid and ${simulate}::boolean)
    update ${r} set ${column(r.status)} = 'running', ${column(r.round)} = ${round}::${enumType(syncRoundEnum)}, ${column(r.startedAt)} = coalesce(${r.startedAt}, now()),
      ${sql.join([r.unchanged, r.skipped, r.pendingRemovals, r.pagesFetched, r.entriesProcessed].map(zero), sql`, `)},
      ${sql.join([r.created, r.updated, r.disabled].map(kept), sql`, `)}
    where ${r.id} = ${runId}::uuid and ${r.customerId} = ${customerId}::uuid`);
}

/**
 * Takes a job's run for one more attempt: counts it and marks it running, in
 * one statement. Undefined when the run is already final (a duplicate delivery).
 */
export async function claimAttempt(input: OfRun): Promise<SyncRun | undefined> {
  const [run] = await db()
    .update(syncRuns)
    .set({ attempts: sql`${syncRuns.attempts} + 1`, status: "running" })
    .where(and(ofRun(input), inArray(syncRuns.status, ["queued", "running"])))
    .returning();
  return run;
}

/** Drops the removals an attempt had found but not applied. */
const dropPendingRemovals = (tx: Pick<ReturnType<typeof db>, "delete">, { customerId, runId }: OfRun) =>
  tx.delete(syncRunChanges).where(and(ofCustomer(syncRunChanges, customerId), eq(syncRunChanges.runId, runId), eq(syncRunChanges.kind, "removed")));

/** A failed attempt that will be retried: say so on the run, and drop what it had not yet applied. */
export async function noteRetry({ problem, ...run }: OfRun & { problem: SyncProblem }): Promise<void> {
  await db().transaction(async (tx) => {
    await dropPendingRemovals(tx, run);
    await tx
      .update(syncRuns)
      .set({ errorCode: problem.code, error: `${problem.message} Trying again shortly.`, pendingRemovals: 0 })
      .where(ofRun(run));
  });
}

/**
 * The run failed for good: nothing is removed, the connector's position is not moved, and the reason is kept in plain words.
 * `announce`: webhook endpoints hear of it (sync.run.failed), owed from this very update; the caller announces it.
 */
export async function failRun({ problem, announce = false, ...run }: OfRun & { problem: SyncProblem; announce?: boolean }): Promise<void> {
  await db().transaction(async (tx) => {
    await dropPendingRemovals(tx, run);
    await tx
      .update(syncRuns)
      .set({
        status: "failed",
        errorCode: problem.code,
        error: problem.message,
        pendingRemovals: 0,
        finishedAt: new Date(),
        ...(announce ? { webhookEventsOwed: oweRunEvents(run.customerId, "failed") } : {}),
      })
      .where(ofRun(run));
  });
}

/** A newer run makes an older unconfirmed one moot: its removals are recomputed by the newer one. */
export async function supersedeUnconfirmed(run: Pick<SyncRun, "id" | "customerId" | "connector">): Promise<void> {
  await db()
    .update(syncRuns)
    .set({ status: "superseded" })
    .where(
      and(ofCustomer(syncRuns, run.customerId), eq(syncRuns.connector, run.connector), eq(syncRuns.status, "needs_confirmation"), ne(syncRuns.id, run.id)),
    );
}
