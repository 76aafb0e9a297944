import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, type SyncRun } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

/** What the live progress panel shows of a run; small, so it can be polled every second. */
export type RunProgressData = Pick<
  SyncRun,
  | "status"
  | "trigger"
  | "round"
  | "created"
  | "updated"
  | "disabled"
  | "removed"
  | "unchanged"
  | "skipped"
  | "pagesFetched"
  | "entriesProcessed"
  | "throttleWaits"
  | "unavailableRetries"
  | "budgetWaits"
  | "budgetWaitMs"
  | "pendingRemovals"
  | "error"
  | "errorCode"
> & { startedAt: string | null; finishedAt: string | null };

export function runProgressOf(run: SyncRun): RunProgressData {
  return {
    status: run.status,
    trigger: run.trigger,
    round: run.round,
    created: run.created,
    updated: run.updated,
    disabled: run.disabled,
    removed: run.removed,
    unchanged: run.unchanged,
    skipped: run.skipped,
    pagesFetched: run.pagesFetched,
    budgetWaits: run.budgetWaits,
    budgetWaitMs: run.budgetWaitMs,
    entriesProcessed: run.entriesProcessed,
    throttleWaits: run.throttleWaits,
    unavailableRetries: run.unavailableRetries,
    pendingRemovals: run.pendingRemovals,
    error: run.error,
    errorCode: run.errorCode,
    startedAt: run.startedAt?.toISOString() ?? null,
    finishedAt: run.finishedAt?.toISOString() ?? null,
  };
}

export async function getRunProgress({ customerId, runId }: { customerId: string; runId: string }): Promise<RunProgressData> {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.id, runId)))
    .limit(1);
  if (!run) throw notFound("The sync run");
  return runProgressOf(run);
}
