import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { syncRuns, webhookEndpoints } from "@/db/schema";
import type { RunEventsPayload } from "@/lib/jobs/webhook-jobs";

/**
 * The run's owed events with this end added, for the statement that ends the
 * run: so a run that ended owes its events whatever becomes of the job that
 * announces it (announce-run-end.ts), and the sweep enqueues that job again
 * if it was lost. Only when an endpoint listens, as announceRunEnd decides:
 * a company without webhooks owes nothing and costs the sweep nothing.
 */
export function oweRunEvents(customerId: string, outcome: RunEventsPayload["outcome"]): SQL<string[]> {
  const e = webhookEndpoints;
  return sql`case when exists (select 1 from ${e} where ${e.customerId} = ${customerId}::uuid and ${e.enabled})
    then array_append(${syncRuns.webhookEventsOwed}, ${outcome}::text) else ${syncRuns.webhookEventsOwed} end`;
}
