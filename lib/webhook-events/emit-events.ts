import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { enqueueDeliveries } from "@/lib/jobs/webhook-jobs";
import { logger } from "@/lib/logger";
import type { WebhookEvent } from "./webhook-event";
import { jsonParameter } from "@/db/sql-names";

/**
 * Hands events to every enabled endpoint of the customer that listens to
 * them: one delivery row per event and endpoint, written in one statement
 * (their IDs follow the events' order, which keeps an entry's events in
 * order), then one job per delivery. Call it after the change committed: a
 * delivery job must find what it announces. Nothing is sent from here, so a
 * slow or failing receiver never holds up the change.
 */
export async function emitWebhookEvents(customerId: string, events: WebhookEvent[], endpointId?: string): Promise<number[]> {
  if (events.length === 0) return [];
  const d = webhookDeliveries;
  const e = webhookEndpoints;
  const rows = await db().execute<{ id: number }>(sql`
    insert into ${d} (message_id, customer_id, endpoint_id, event_type, order_key, payload)
    select 'msg_' || replace(gen_random_uuid()::text, '-', ''), e.customer_id, e.id, ev.type, ev."orderKey",
      jsonb_build_object('type', ev.type, 'timestamp', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'data', ev.data)
    from rows from (json_to_recordset(${jsonParameter(events)}::json) as (type text, "orderKey" text, data jsonb)) with ordinality as ev(type, "orderKey", data, n)
    join ${e} e on e.customer_id = ${customerId}::uuid and e.enabled and (ev.type = any(e.event_types) or ev.type = 'webhook.test')
      and (${endpointId ?? null}::uuid is null or e.id = ${endpointId ?? null}::uuid)
    order by ev.n, e.id
    returning id`);
  const ids = [...rows].map((r) => Number(r.id));
  await enqueueDeliveries(customerId, ids);
  return ids;
}

/**
 * The same, for a change that has happened whatever becomes of its events:
 * a queue that is down is logged, never thrown back at the manager's click
 * or the sync that made the change.
 */
export async function emitWebhookEventsQuietly(customerId: string, events: WebhookEvent[]): Promise<void> {
  try {
    await emitWebhookEvents(customerId, events);
  } catch (error) {
    logger.warn({ customerId, types: [...new Set(events.map((e) => e.type))], err: { name: (error as Error)?.name } }, "webhook events not queued");
  }
}
