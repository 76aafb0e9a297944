import "server-only";
import { and, getTableColumns, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, directorySourceEnum, directoryStatusEnum, syncChangeKindEnum, syncRunChanges, syncRunCreatedPages, syncRuns } from "@/db/schema";
import type { PgColumn } from "drizzle-orm/pg-core";
import { ofCustomer } from "@/lib/tenancy";
import type { Connector, SourceWaits } from "./connector";
import { listFieldNames, syncedFieldNames } from "./synced-fields";
import { column, columns, enumType, jsonParameter, uuidArray } from "@/db/sql-names";
import type { ExistingEntry, PagePlan } from "./plan-page";

/**
 * The directory entries a page talks about, in one query. The IDs go as one
 * array parameter, so each is an index lookup: a set-returning function gave
 * the planner no row count, and it chose to scan the customer's whole
 * directory for every page.
 */
export async function loadExisting({
  customerId,
  connector,
  keys,
}: {
  customerId: string;
  connector: Connector;
  keys: string[];
}): Promise<Map<string, ExistingEntry>> {
  if (keys.length === 0) return new Map();
  const rows = await db()
    .select({ ...getTableColumns(directoryEntries), key: connector.keyColumn })
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), sql`${connector.keyColumn} = any(${uuidArray(keys)})`));
  // The row itself, typed: a copy with `key` added after a spread would get a hidden class of its own per row (V8).
  return new Map(rows.map((r) => [r.key as string, r as typeof r & { key: string }]));
}

/** Whether any of the customer's entries, whatever their source, holds a key of this connector. */
export async function hasKeyedEntries({ customerId, connector }: { customerId: string; connector: Connector }): Promise<boolean> {
  const [row] = await db()
    .select({ one: sql`1` })
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), sql`${connector.keyColumn} is not null`))
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
 * leaves its count of changes as it was). The connector's key is analysed;
 * the others' keys were when they wrote.
 */
export async function refreshPlannerStatistics(connector: Connector): Promise<void> {
  await db().transaction(async (tx) => {
    await tx.execute(sql`set local default_statistics_target = 10`);
    await tx.execute(sql`analyze ${directoryEntries} (${columns([directoryEntries.customerId, connector.keyColumn])})`);
  });
}

/** Which run writes, for whom, from which connector, and how. */
export type RunScope = {
  runId: string;
  customerId: string;
  connector: Connector;
  /** The source's tenant, stored with each entry it owns (Entra's); null for connectors that have none. */
  tenantId: string | null;
  simulate: boolean;
  round: "full" | "delta";
};

export type PageContext = RunScope & {
  itemCount: number;
  throttle: SourceWaits;
  existing: ReadonlyMap<string, ExistingEntry>;
};

/**
 * The statement that writes one page, whose parts PostgreSQL applies together
 * or not at all: the upsert of new and changed entries (skipped by
 * Simulate), the record of the page's created entries (from the very
 * parameter the upsert reads), the change records of the others, and the
 * run's progress counters. One statement is one round trip: the database
 * writes the page while the worker goes on with the next one, without
 * waiting on the worker between statements.
 *
 * A page's rows travel as JSON parameters that PostgreSQL unpacks
 * (`json_to_recordset`), not as a VALUES list: a thousand users are thirteen
 * thousand parameters to build, send and plan (see bench/sync). The page write
 * is nearly all of PostgreSQL's CPU in bench:fleet, and most of it was the
 * unpacking: see `writeRows`. Its parameters are text and numbers only,
 * built here: once it is built, the page's objects are no longer needed.
 */
export function pageWriteStatement(ctx: PageContext, plan: PagePlan): SQL {
  const { source, keyColumn } = ctx.connector;
  const key = column(keyColumn);
  const d = directoryEntries;
  const c = syncRunChanges;
  const p = syncRunCreatedPages;
  const changes = [
    ...plan.changes,
    ...plan.removals.map((r) => ({
      objectId: r.objectId,
      displayName: r.displayName,
      kind: "removed" as const,
      fields: { status: [ctx.existing.get(r.objectId)?.status ?? null, "removed"] },
    })),
  ];
  // Delta may remove a user and bring them back later in the same round: the last word wins.
  const backAgain = ctx.round === "delta" ? plan.seen : [];
  const { counts } = plan;
  const runs = syncRuns;
  const plus = (counter: PgColumn, n: number) => sql`${column(counter)} = ${counter} + ${n}::int`;
  return sql`
    with created as (select ${jsonParameter(plan.creates)}::json as entries),
    created_record as (
      insert into ${p} (${columns([p.runId, p.customerId, p.entryCount, p.entries])})
      select ${ctx.runId}::uuid, ${ctx.customerId}::uuid, ${plan.creates.length}::int, entries from created where ${plan.creates.length}::int > 0
      returning 1
    ),
    written as (
      insert into ${d} (${columns([d.customerId, d.source, d.aadTenantId])}, ${key}, ${columns([d.status, d.lastRunId, ...syncedColumns])})
      select ${ctx.customerId}::uuid, ${source}::${enumType(directorySourceEnum)}, ${ctx.tenantId}::uuid, r.key, r.status, ${ctx.runId}::uuid, ${sql.join(
        syncedFieldNames.map((f) => sql`r.${sql.identifier(f)}`),
        sql`, `,
      )}
      from (
        select r.* from created, lateral ${writeRows(sql`created.entries`)}
        union all
        select r.* from ${writeRows(sql`${jsonParameter(plan.updates)}::json`)}
      ) r
      where not ${ctx.simulate}::boolean
      on conflict (${column(d.customerId)}, ${key}) where ${key} is not null do update
        set ${sql.join(
          [...syncedColumns, d.status, d.aadTenantId, d.lastRunId].map((col) => sql`${column(col)} = excluded.${column(col)}`),
          sql`, `,
        )}, ${column(d.updatedAt)} = now()
        -- An entry that another source owns is never overwritten.
        where ${d.source} = ${source}::${enumType(directorySourceEnum)}
      returning 1
    ),
    changed as (
      insert into ${c} (${columns([c.runId, c.customerId, c.objectId, c.displayName, c.kind, c.fields])})
      select ${ctx.runId}::uuid, ${ctx.customerId}::uuid, r."objectId", r."displayName", r.kind, r.fields
      from jsonb_to_recordset(${jsonParameter(changes)}::jsonb) as r("objectId" uuid, "displayName" text, kind ${enumType(syncChangeKindEnum)}, fields jsonb)
      returning 1
    ),
    not_removed as (
      delete from ${c} where ${c.runId} = ${ctx.runId}::uuid and ${c.kind} = 'removed' and ${c.objectId} = any(${uuidArray(backAgain)})
      returning 1
    ),
    -- PostgreSQL runs the parts of a statement in no set order; the run's row is
    -- locked (until commit) when the counters are updated, and another page's
    -- statement waits for it. The update reads what the writes returned, so it
    -- comes last, and pages are written side by side rather than in turn.
    written_all as (
      select (select count(*) from created_record) + (select count(*) from written) + (select count(*) from changed) + (select count(*) from not_removed) as n
    )
    update ${runs} set
      ${plus(runs.created, counts.created)},
      ${plus(runs.updated, counts.updated)},
      ${plus(runs.disabled, counts.disabled)},
      ${plus(runs.unchanged, counts.unchanged)},
      ${plus(runs.skipped, counts.skipped)},
      ${plus(runs.pendingRemovals, plan.removals.length)},
      ${plus(runs.pagesFetched, 1)},
      ${plus(runs.entriesProcessed, ctx.itemCount)},
      ${plus(runs.throttleWaits, ctx.throttle.waits)},
      ${plus(runs.throttleWaitMs, ctx.throttle.waitMs)},
      ${plus(runs.unavailableRetries, ctx.throttle.unavailable)},
      ${plus(runs.budgetWaits, ctx.throttle.budgetWaits)},
      ${plus(runs.budgetWaitMs, ctx.throttle.budgetWaitMs)}
    from written_all
    where ${runs.id} = ${ctx.runId}::uuid and written_all.n >= 0`;
}

const syncedColumns = syncedFieldNames.map((f) => directoryEntries[f]);
/**
 * The JSON keys of an EntryWrite, as `json_to_recordset` reads them: the texts as text, the attributes object and the
 * lists as the json they are, converted once read (`writeRows`).
 */
const readColumns = sql.join(
  [
    sql`key uuid`,
    sql`status ${enumType(directoryStatusEnum)}`,
    ...syncedFieldNames.map((f) => sql`${sql.identifier(f)} ${f === "attributes" || listFieldNames.has(f) ? sql`json` : sql`text`}`),
  ],
  sql`, `,
);
/**
 * The same, typed as the directory's columns, whose attributes and lists are never null. Measured on a 999-person
 * page (PostgreSQL 15): unpacking it from jsonb took 40–49 ms, 30 of them to parse the page into jsonb; from json,
 * with the lists read into text[] by `json_to_recordset` itself, 45 ms; from json with the lists read as json and
 * then split into their elements, 27 ms.
 */
const typedColumns = sql.join(
  [
    sql`w.key`,
    sql`w.status`,
    ...syncedFieldNames.map((f) => {
      const field = sql.identifier(f);
      if (f === "attributes") return sql`coalesce(w.attributes::jsonb, '{}'::jsonb) as attributes`;
      if (listFieldNames.has(f)) return sql`array(select e from json_array_elements_text(w.${field}) with ordinality as l(e, i) order by i) as ${field}`;
      return sql`w.${field}`;
    }),
  ],
  sql`, `,
);
/** A json array of EntryWrite objects as the rows of a table `r`. */
const writeRows = (json: SQL): SQL => sql`(select ${typedColumns} from json_to_recordset(${json}) as w(${readColumns})) r`;
