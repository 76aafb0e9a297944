import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, type SyncTrigger } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { AppError } from "@/lib/errors";
import { enqueueDirectorySync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";
import type { Connector } from "./connector";
import { syncPriority } from "./queue-priority";
import { createRunReclaiming } from "./create-run-reclaiming";
import { RunAlreadyActiveError } from "./run-records";

const alreadyRunning = () => new AppError("conflict", "A sync is already running for your company. Wait for it to finish.");

/**
 * One-time Sync (or import), Simulate and Full resync from a connector's screen. The run row
 * is the lock (one active run per customer, enforced by a unique index); a
 * run whose job the queue no longer holds is marked failed first
 * (create-run-reclaiming.ts).
 */
export async function startRun(actor: CustomerActor, trigger: Exclude<SyncTrigger, "schedule">, connector: Connector) {
  if (!(await connector.hasSettings({ customerId: actor.customerId }))) {
    throw new AppError("invalid_input", `Save the ${connector.label} settings before running a sync.`);
  }
  const run = await createOrReclaim(actor, trigger, connector);
  try {
    await enqueueDirectorySync({ customerId: actor.customerId, connector: connector.id, runId: run.id }, await syncPriority(actor));
  } catch (error) {
    logger.error({ err: error, runId: run.id }, "could not enqueue a sync");
    await db()
      .delete(syncRuns)
      .where(and(ofCustomer(syncRuns, actor.customerId), eq(syncRuns.id, run.id)));
    throw new AppError("unavailable", "The job queue cannot be reached, so no sync was started. Please try again in a moment.");
  }
  await recordAudit(db(), actor, { action: `sync.${trigger}`, targetType: "sync_run", targetId: run.id, detail: { connector: connector.id } });
  return run;
}

async function createOrReclaim(actor: CustomerActor, trigger: Exclude<SyncTrigger, "schedule">, connector: Connector) {
  try {
    return await createRunReclaiming({ customerId: actor.customerId, connector: connector.id, trigger, requestedBy: actor.accountId });
  } catch (error) {
    if (error instanceof RunAlreadyActiveError) throw alreadyRunning();
    throw error;
  }
}
