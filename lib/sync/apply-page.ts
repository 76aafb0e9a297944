import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, syncRunChanges, syncRuns, type SyncConnector } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { connectorKeys } from "./connector-keys";
import { syncedFieldNames } from "./synced-fields";
import type { ExistingEntry, PagePlan } from "./plan-page";

/**
 * The directory entries a page talks about, in one query. The IDs go as one
 * array parameter, so each is an index lookup: a set-returning function gave
 * the planner no row count, and it chose to scan the customer's whole
 * directory for every page.
 */
export async function loadExisting(customerId: string, connector: SyncConnector, keys: string[]): Promise<Map<string, ExistingEntry>> {
  if (keys.length === 0) return new Map();
  const { keyColumn } = connectorKeys[connector];
  const rows = await db()
    .select()
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), sql`${keyColumn} = any(${`{${keys.join(",")}}`}::uuid[])`));
  return new Map(
    rows.map((r) => {
      const key = (connector === "entra" ? r.aadObjectId : r.ldapObjectGuid)!;
      return [key, { ...r, key }];
    }),
  );
}

export type PageContext = {
  runId: string;
  customerId: string;
  connector: SyncConnector;
  /** Entra's tenant, stored with each entry it owns; null for other connectors. */
  tenantId: string | null;
  simulate: boolean;
  round: "full" | "delta";
  itemCount: number;
  throttle: { waits: number; waitMs: number };
  existing: ReadonlyMap<string, ExistingEntry>;
};

/**
 * Writes one page in one transaction, a statement per kind of write rather
 * than per user: the upsert of changed entries (skipped by Simulate), the
 * per-entry change records, and the run's progress counters.
 *
 * A page's rows travel as one JSON parameter that PostgreSQL unpacks
 * (`json_to_recordset`), not as a VALUES list: a thousand users are thirteen
 * thousand parameters to build, send and plan, which cost the sync far more
 * than the writes themselves (see bench/sync).
 */
export async function applyPage(ctx: PageContext, plan: PagePlan): Promise<void> {
  await db().transaction(async (tx) => {
    const { source, keyColumnName } = connectorKeys[ctx.connector];
    if (!ctx.simulate && plan.writes.length > 0) {
      await tx.execute(sql`
        insert into directory_entries (customer_id, source, aad_tenant_id, ${sql.raw(keyColumnName)}, status, ${list(syncedColumns)})
        select ${ctx.customerId}::uuid, ${source}::directory_source, ${ctx.tenantId}::uuid, r.key, r.status, ${list(syncedFieldNames.map((f) => `r."${f}"`))}
        from ${jsonRows(plan.writes, `key uuid, status directory_status, ${syncedFieldNames.map((f) => `"${f}" text`).join(", ")}`)}
        on conflict (customer_id, ${sql.raw(keyColumnName)}) do update
          set ${list(syncedColumns.map((c) => `${c} = excluded.${c}`))}, status = excluded.status, aad_tenant_id = excluded.aad_tenant_id, updated_at = now()
          -- An entry that another source owns is never overwritten.
          where directory_entries.source = ${source}::directory_source`);
    }
    const changes = [
      ...plan.changes,
      ...plan.removals.map((r) => ({ objectId: r.objectId, displayName: r.displayName, kind: "removed" as const, fields: { status: [ctx.existing.get(r.objectId)?.status ?? null, "removed"] as [unknown, unknown] } })),
    ];
    if (changes.length > 0) {
      await tx.execute(sql`
        insert into sync_run_changes (run_id, customer_id, object_id, display_name, kind, fields)
        select ${ctx.runId}::uuid, ${ctx.customerId}::uuid, r."objectId", r."displayName", r.kind, r.fields
        from ${jsonRows(changes, `"objectId" uuid, "displayName" text, kind sync_change_kind, fields jsonb`)}`);
    }
    if (ctx.round === "delta" && plan.seen.length > 0) {
      // Delta may remove a user and bring them back later in the same round: the last word wins.
      await tx
        .delete(syncRunChanges)
        .where(and(eq(syncRunChanges.runId, ctx.runId), eq(syncRunChanges.kind, "removed"), inArray(syncRunChanges.objectId, plan.seen)));
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
const syncedColumns = syncedFieldNames.map(columnOf);
// Only names from this file, synced-fields.ts and connector-keys.ts are ever put in raw SQL, never input.
const list = (items: readonly string[]): SQL => sql.raw(items.join(", "));
/** Objects (keyed by the recordset's quoted names) as the rows of a table `r` with the given column types. */
const jsonRows = (rows: readonly object[], columns: string): SQL => sql`json_to_recordset(${JSON.stringify(rows)}::json) as r(${sql.raw(columns)})`;
