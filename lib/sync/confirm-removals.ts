import "server-only";
import { and, desc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import type { ConnectorLookup } from "./connector";
import { applyRemovals } from "./finish-run";
import { announceRunEnd } from "@/lib/webhook-events/announce-run-end";
import { oweRunEvents } from "@/lib/webhook-events/owe-run-events";

/**
 * A manager confirms the removals a run held back for being above the
 * threshold: they are applied now, and the run's position (Entra's delta
 * link) becomes the company's. Only the latest such run can be confirmed.
 */
export async function confirmRemovals(actor: CustomerActor, { runId }: { runId: string }, connectorOf: ConnectorLookup) {
  await db().transaction(async (tx) => {
    const ofRun = and(ofCustomer(syncRuns, actor.customerId), eq(syncRuns.id, runId));
    const [run] = await tx.select().from(syncRuns).where(ofRun).for("update").limit(1);
    if (!run) throw notFound("The sync run");
    if (run.status !== "needs_confirmation") throw new AppError("conflict", "This run has no removals waiting for confirmation.");
    const [newer] = await tx
      .select({ id: syncRuns.id })
      .from(syncRuns)
      .where(
        and(
          ofCustomer(syncRuns, actor.customerId),
          eq(syncRuns.connector, run.connector),
          gt(syncRuns.queuedAt, run.queuedAt),
          inArray(syncRuns.status, ["succeeded", "confirmed", "running", "queued"]),
        ),
      )
      .orderBy(desc(syncRuns.queuedAt))
      .limit(1);
    if (newer) throw new AppError("conflict", "A newer sync has run since; its result replaces this one.");

    const connector = connectorOf(run.connector);
    await applyRemovals(tx, { runId: run.id, customerId: actor.customerId, connector });
    // The people removed now lose their logins now: suspended, deleted after the grace period.
    await connector.provisioning?.withRemovals(tx, { runId: run.id, customerId: actor.customerId, simulate: false, leftScope: [] });
    await tx
      .update(syncRuns)
      .set({ status: "confirmed", removed: run.pendingRemovals, pendingRemovals: 0, webhookEventsOwed: oweRunEvents(actor.customerId, "confirmed") })
      .where(ofRun);
    if (run.deltaLink) await connector.savePosition(tx, { customerId: actor.customerId, position: run.deltaLink, at: new Date() });
    await recordAudit(tx, actor, { action: "sync.confirm_removals", targetType: "sync_run", targetId: run.id, detail: { removed: run.pendingRemovals } });
  });
  await announceRunEnd({ customerId: actor.customerId, runId, outcome: "confirmed" });
}
