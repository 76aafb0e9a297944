import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningRecords, syncRunChanges, syncRunCreatedPages, syncRuns, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { column, jsonParameter } from "@/db/sql-names";
import type { RunEventsPayload } from "@/lib/jobs/webhook-jobs";
import { enqueueDeliveries } from "@/lib/jobs/webhook-jobs";
import { ofCustomer } from "@/lib/tenancy";
import { entryEventOfKind, sqlCaseOf, userEventOfAction } from "./directory-events";

const entryEvent = sqlCaseOf(sql`c.kind`, entryEventOfKind);
const userEvent = sqlCaseOf(sql`p.action`, userEventOfAction);

/**
 * Turns what a sync run changed into webhook events, for every endpoint that
 * listens, in one statement inside the database: the run's change records
 * (with their field diffs), its created pages (the entries as written) and
 * provisioning's records, then the run's own event last. The sync itself
 * only enqueued this job as it ended, so a run of 100,000 entries writes its
 * pages as fast as without webhooks. Which records go out depends on how the
 * run ended: removals only once applied (succeeded, or confirmed later by a
 * manager); a run that waits for that confirmation sends the rest now.
 * The same statement takes the end off the run's owed events (sync_runs'
 * webhook_events_owed), so a second job for it emits nothing: concurrent
 * ones wait on the run's row and then find nothing owed.
 */
export async function emitRunEvents({ customerId, runId, outcome }: RunEventsPayload): Promise<number> {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.id, runId)))
    .limit(1);
  // Emitted already (by this job's earlier attempt, or a second job the sweep enqueued), or never owed (Simulate).
  if (!run?.webhookEventsOwed.includes(outcome)) return 0;

  const confirmedOnly = outcome === "confirmed";
  const removalsToo = outcome === "succeeded" || outcome === "confirmed";
  // Provisioning's suspensions and deletions go with the removals (lib/sync/finish-run.ts), the rest with the pages.
  const removalActions = sql`p.action in ('suspended', 'deleted')`;
  const runEvent = confirmedOnly ? null : `sync.run.${outcome}`;
  const runData = {
    runId,
    connector: run.connector,
    trigger: run.trigger,
    status: run.status,
    counts: { created: run.created, updated: run.updated, disabled: run.disabled, removed: run.removed, pendingRemovals: run.pendingRemovals },
    error: run.error,
  };
  const c = syncRunChanges;
  const cp = syncRunCreatedPages;
  const p = provisioningRecords;
  const e = webhookEndpoints;
  const r = syncRuns;
  const rows = await db().execute<{ id: number }>(sql`
    with claimed as (
      update ${r} set ${column(r.webhookEventsOwed)} = array_remove(${r.webhookEventsOwed}, ${outcome}::text)
      where ${r.id} = ${runId}::uuid and ${r.customerId} = ${customerId}::uuid and ${outcome}::text = any(${r.webhookEventsOwed})
      returning 1
    ),
    events as (
      select 1 as part, c.id as n, 0::bigint as i, ${entryEvent} as type, 'entry:' || c.object_id as order_key,
        jsonb_build_object('objectId', c.object_id, 'source', ${run.connector}::text, 'runId', ${runId}::uuid, 'displayName', c.display_name, 'changes', c.fields) as data
      from ${c} c
      where c.run_id = ${runId}::uuid and c.customer_id = ${customerId}::uuid
        and (case when c.kind = 'removed' then ${removalsToo}::boolean else not ${confirmedOnly}::boolean end)
      union all
      select 0, cp.id, x.i, 'directory.entry.created', 'entry:' || (x.entry->>'key'),
        jsonb_build_object('objectId', x.entry->>'key', 'source', ${run.connector}::text, 'runId', ${runId}::uuid, 'displayName', x.entry->>'displayName',
          'fields', (x.entry::jsonb) - 'key')
      from ${cp} cp, json_array_elements(cp.entries) with ordinality as x(entry, i)
      where cp.run_id = ${runId}::uuid and cp.customer_id = ${customerId}::uuid and not ${confirmedOnly}::boolean
      union all
      select 2, p.id, 0, ${userEvent}, 'user:' || coalesce(p.account_id::text, p.directory_entry_id::text, p.id::text),
        jsonb_build_object('accountId', p.account_id, 'directoryEntryId', p.directory_entry_id, 'source', ${run.connector}::text, 'runId', ${runId}::uuid, 'displayName', p.display_name,
          'portalId', p.detail->'portalId', 'extension', p.detail->'extension', 'changes', p.detail->'fields')
      from ${p} p
      where p.run_id = ${runId}::uuid and p.customer_id = ${customerId}::uuid and ${userEvent} is not null
        and (case when ${removalActions} then ${removalsToo}::boolean else not ${confirmedOnly}::boolean end)
      union all
      select 3, 0, 0, ${runEvent}::text, null, ${jsonParameter(runData)}::jsonb where ${runEvent}::text is not null
    )
    insert into ${webhookDeliveries} (message_id, customer_id, endpoint_id, event_type, order_key, payload)
    select 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.customer_id, e.id, ev.type, ev.order_key,
      jsonb_build_object('type', ev.type, 'timestamp', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', ev.data)
    from events ev
    join ${e} e on e.customer_id = ${customerId}::uuid and e.enabled and ev.type = any(e.event_types)
    where exists (select 1 from claimed)
    order by ev.part, ev.n, ev.i, e.id
    returning id`);
  const ids = [...rows].map((r) => Number(r.id));
  await enqueueDeliveries(customerId, ids);
  return ids.length;
}
