import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, type SyncConnector } from "@/db/schema";
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
    .where(and(ofCustomer(directoryEntries, customerId), sql`${keyColumn} = any(${uuidArray(keys)})`));
  return new Map(
    rows.map((r) => {
      const key = (connector === "entra" ? r.aadObjectId : r.ldapObjectGuid)!;
      return [key, { ...r, key }];
    }),
  );
}

/** Whether any of the customer's entries, whatever their source, holds a key of this connector. */
export async function hasKeyedEntries(customerId: string, connector: SyncConnector): Promise<boolean> {
  const { keyColumn } = connectorKeys[connector];
  const [row] = await db()
    .select({ one: sql`1` })
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), sql`${keyColumn} is not null`))
    .limit(1);
  return row !== undefined;
}

/**
 * ANALYZE after a bulk load, as PostgreSQL advises: until autovacuum gets to
 * it (a minute or more), the planner keeps the directory's size from before,
 * and chose to filter a 100,000-entry directory row by row where the key's
 * index finds a page's entries at once. The table's size, how its rows
 * spread over customers and that the keys are distinct are what that choice
 * needs: a small sample of those columns gives them in a tenth of the time of
 * a full ANALYZE (which autovacuum still makes later, since a column list
 * leaves its count of changes as it was).
 */
export async function refreshPlannerStatistics(): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = 10`);
    await tx.execute(sql`analyze directory_entries (customer_id, ${sql.raw(keyColumnNames)})`);
  });
}

/** Which run writes, for whom, from which connector, and how. */
export type RunScope = {
  runId: string;
  customerId: string;
  connector: SyncConnector;
  /** Entra's tenant, stored with each entry it owns; null for other connectors. */
  tenantId: string | null;
  simulate: boolean;
  round: "full" | "delta";
};

export type PageContext = RunScope & {
  itemCount: number;
  throttle: { waits: number; waitMs: number; unavailable: number };
  existing: ReadonlyMap<string, ExistingEntry>;
};

/**
 * Writes one page in one statement, whose parts PostgreSQL applies together
 * or not at all: the upsert of new and changed entries (skipped by
 * Simulate), the record of the page's created entries (from the very
 * parameter the upsert reads), the change records of the others, and the
 * run's progress counters. One statement is one round trip: the database
 * writes the page while the worker goes on with the next one, without
 * waiting on the worker between statements.
 *
 * A page's rows travel as JSON parameters that PostgreSQL unpacks
 * (`json_to_recordset`), not as a VALUES list: a thousand users are thirteen
 * thousand parameters to build, send and plan (see bench/sync).
 */
export async function applyPage(ctx: PageContext, plan: PagePlan): Promise<void> {
  const { source, keyColumnName } = connectorKeys[ctx.connector];
  const changes = [
    ...plan.changes,
    ...plan.removals.map((r) => ({ objectId: r.objectId, displayName: r.displayName, kind: "removed" as const, fields: { status: [ctx.existing.get(r.objectId)?.status ?? null, "removed"] } })),
  ];
  // Delta may remove a user and bring them back later in the same round: the last word wins.
  const backAgain = ctx.round === "delta" ? plan.seen : [];
  const { counts } = plan;
  await db().execute(sql`
    with created as (select ${JSON.stringify(plan.creates)}::json as entries),
    created_record as (
      insert into sync_run_created_pages (run_id, customer_id, entry_count, entries)
      select ${ctx.runId}::uuid, ${ctx.customerId}::uuid, ${plan.creates.length}::int, entries from created where ${plan.creates.length}::int > 0
      returning 1
    ),
    written as (
      insert into directory_entries (customer_id, source, aad_tenant_id, ${sql.raw(keyColumnName)}, status, last_run_id, ${list(syncedColumns)})
      select ${ctx.customerId}::uuid, ${source}::directory_source, ${ctx.tenantId}::uuid, r.key, r.status, ${ctx.runId}::uuid, ${list(syncedFieldNames.map((f) => `r."${f}"`))}
      from (
        select r.* from created, ${writeRows(sql`created.entries`)}
        union all
        select r.* from ${writeRows(sql`${JSON.stringify(plan.updates)}::json`)}
      ) r
      where not ${ctx.simulate}::boolean
      on conflict (customer_id, ${sql.raw(keyColumnName)}) where ${sql.raw(keyColumnName)} is not null do update
        set ${list(syncedColumns.map((c) => `${c} = excluded.${c}`))}, status = excluded.status, aad_tenant_id = excluded.aad_tenant_id, last_run_id = excluded.last_run_id, updated_at = now()
        -- An entry that another source owns is never overwritten.
        where directory_entries.source = ${source}::directory_source
      returning 1
    ),
    changed as (
      insert into sync_run_changes (run_id, customer_id, object_id, display_name, kind, fields)
      select ${ctx.runId}::uuid, ${ctx.customerId}::uuid, r."objectId", r."displayName", r.kind, r.fields
      from json_to_recordset(${JSON.stringify(changes)}::json) as r("objectId" uuid, "displayName" text, kind sync_change_kind, fields jsonb)
      returning 1
    ),
    not_removed as (
      delete from sync_run_changes where run_id = ${ctx.runId}::uuid and kind = 'removed' and object_id = any(${uuidArray(backAgain)})
      returning 1
    ),
    -- PostgreSQL runs the parts of a statement in no set order; the run's row is
    -- locked (until commit) when the counters are updated, and another page's
    -- statement waits for it. The update reads what the writes returned, so it
    -- comes last, and pages are written side by side rather than in turn.
    written_all as (
      select (select count(*) from created_record) + (select count(*) from written) + (select count(*) from changed) + (select count(*) from not_removed) as n
    )
    update sync_runs set
      created = created + ${counts.created}::int,
      updated = updated + ${counts.updated}::int,
      disabled = disabled + ${counts.disabled}::int,
      unchanged = unchanged + ${counts.unchanged}::int,
      skipped = skipped + ${counts.skipped}::int,
      pending_removals = pending_removals + ${plan.removals.length}::int,
      pages_fetched = pages_fetched + 1,
      entries_processed = entries_processed + ${ctx.itemCount}::int,
      throttle_waits = throttle_waits + ${ctx.throttle.waits}::int,
      throttle_wait_ms = throttle_wait_ms + ${ctx.throttle.waitMs}::int,
      unavailable_retries = unavailable_retries + ${ctx.throttle.unavailable}::int
    from written_all
    where id = ${ctx.runId}::uuid and written_all.n >= 0`);
}

const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const syncedColumns = syncedFieldNames.map(columnOf);
// Only names from this file, synced-fields.ts and connector-keys.ts are ever put in raw SQL, never input.
const list = (items: readonly string[]): SQL => sql.raw(items.join(", "));
const keyColumnNames = Object.values(connectorKeys)
  .map((k) => k.keyColumnName)
  .join(", ");
const writeColumns = sql.raw(`key uuid, status directory_status, ${syncedFieldNames.map((f) => `"${f}" text`).join(", ")}`);
/** A JSON array of EntryWrite objects as the rows of a table `r`. */
const writeRows = (json: SQL): SQL => sql`json_to_recordset(${json}) as r(${writeColumns})`;
/** UUIDs (ours, already validated) as one array parameter. */
const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(",")}}`}::uuid[]`;
