import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, syncRunChanges, syncRunSeen, syncRuns } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { syncedFieldNames } from "./graph-user";
import type { ExistingEntry, PagePlan } from "./plan-page";

/** The directory entries a page talks about, in one query. */
export async function loadExisting(customerId: string, objectIds: string[]): Promise<Map<string, ExistingEntry>> {
  if (objectIds.length === 0) return new Map();
  const rows = await db()
    .select()
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), inArray(directoryEntries.aadObjectId, objectIds)));
  return new Map(rows.map((r) => [r.aadObjectId!, { ...r, aadObjectId: r.aadObjectId! }]));
}

export type PageContext = {
  runId: string;
  customerId: string;
  tenantId: string;
  simulate: boolean;
  trackSeen: boolean;
  itemCount: number;
  throttle: { waits: number; waitMs: number };
  existing: ReadonlyMap<string, ExistingEntry>;
};

/**
 * Writes one page in one transaction, a statement per kind of write rather
 * than per user: the upsert of changed entries (skipped by Simulate), the
 * per-entry change records, the IDs seen, and the run's progress counters.
 */
export async function applyPage(ctx: PageContext, plan: PagePlan): Promise<void> {
  await db().transaction(async (tx) => {
    const entryIds = new Map([...ctx.existing].map(([objectId, e]) => [objectId, e.id]));
    if (!ctx.simulate && plan.writes.length > 0) {
      const written = await tx
        .insert(directoryEntries)
        .values(plan.writes.map((w) => ({ ...w, customerId: ctx.customerId, source: "entra" as const, aadTenantId: ctx.tenantId })))
        .onConflictDoUpdate({
          target: [directoryEntries.customerId, directoryEntries.aadObjectId],
          set: {
            ...Object.fromEntries(syncedFieldNames.map((f) => [f, sql.raw(`excluded.${columnOf(f)}`)])),
            status: sql`excluded.status`,
            aadTenantId: sql`excluded.aad_tenant_id`,
            updatedAt: sql`now()`,
          },
          // An entry that another source owns is never overwritten.
          setWhere: eq(directoryEntries.source, "entra"),
        })
        .returning({ id: directoryEntries.id, aadObjectId: directoryEntries.aadObjectId });
      for (const w of written) entryIds.set(w.aadObjectId!, w.id);
    }
    const changes = [
      ...plan.changes,
      ...plan.removals.map((r) => ({ aadObjectId: r.aadObjectId, displayName: r.displayName, kind: "removed" as const, fields: { status: [ctx.existing.get(r.aadObjectId)?.status ?? null, "removed"] as [unknown, unknown] } })),
    ];
    if (changes.length > 0) {
      await tx.insert(syncRunChanges).values(
        changes.map((c) => ({ ...c, runId: ctx.runId, customerId: ctx.customerId, directoryEntryId: entryIds.get(c.aadObjectId) ?? null })),
      );
    }
    if (!ctx.trackSeen && plan.seen.length > 0) {
      // Delta may remove a user and bring them back later in the same round: the last word wins.
      await tx
        .delete(syncRunChanges)
        .where(and(eq(syncRunChanges.runId, ctx.runId), eq(syncRunChanges.kind, "removed"), inArray(syncRunChanges.aadObjectId, plan.seen)));
    }
    if (ctx.trackSeen && plan.seen.length > 0) {
      await tx.insert(syncRunSeen).values(plan.seen.map((aadObjectId) => ({ runId: ctx.runId, aadObjectId }))).onConflictDoNothing();
    }
    await tx
      .update(syncRuns)
      .set({
        created: sql`${syncRuns.created} + ${plan.counts.created}`,
        updated: sql`${syncRuns.updated} + ${plan.counts.updated}`,
        disabled: sql`${syncRuns.disabled} + ${plan.counts.disabled}`,
        unchanged: sql`${syncRuns.unchanged} + ${plan.counts.unchanged}`,
        skipped: sql`${syncRuns.skipped} + ${plan.counts.skipped}`,
        pendingRemovals: sql`${syncRuns.pendingRemovals} + ${plan.removals.length}`,
        pagesFetched: sql`${syncRuns.pagesFetched} + 1`,
        entriesProcessed: sql`${syncRuns.entriesProcessed} + ${ctx.itemCount}`,
        throttleWaits: sql`${syncRuns.throttleWaits} + ${ctx.throttle.waits}`,
        throttleWaitMs: sql`${syncRuns.throttleWaitMs} + ${ctx.throttle.waitMs}`,
      })
      .where(eq(syncRuns.id, ctx.runId));
  });
}

const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
