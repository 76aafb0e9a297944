import "server-only";
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, webhookDeliveries } from "@/db/schema";
import { enqueueDeliveries, enqueueRunEvents, runEventsPayload } from "@/lib/jobs/webhook-jobs";
import { logger } from "@/lib/logger";

/** How old unqueued work must be before the sweep takes it for lost: the usual path enqueues within milliseconds. */
const lostAfter = sql`now() - interval '1 minute'`;
const batch = 1000;

/**
 * The worker's periodic pass (the `sweep` job, lib/jobs/webhook-jobs.ts) over
 * what a lost enqueue left behind: events are written to the database first
 * and their jobs enqueued after, so a process that dies in between, or a
 * queue that is down, leaves deliveries that are pending and never attempted,
 * and runs whose events are owed but never emitted. Both are enqueued again
 * under their jobs' own IDs (`delivery-<id>`, `run-events-<run>-<end>`): one
 * whose job is merely waiting gets nothing twice, and a job that runs again
 * finds its work done (a delivered delivery, a run that owes nothing).
 * It reads across companies, as the queue does; each job carries its row's
 * own company, which the job checks again.
 */
export async function sweepLostEvents(): Promise<{ runs: number; deliveries: number }> {
  const runs = await sweepOwedRuns();
  const deliveries = await sweepUnqueuedDeliveries();
  if (runs + deliveries > 0) logger.info({ runs, deliveries }, "webhook work enqueued again by the sweep");
  return { runs, deliveries };
}

async function sweepOwedRuns(): Promise<number> {
  const r = syncRuns;
  const owed = await db()
    .select({ runId: r.id, customerId: r.customerId, outcome: sql<string>`unnest(${r.webhookEventsOwed})` })
    .from(r)
    .where(and(sql`${r.webhookEventsOwed} <> '{}'::text[]`, lt(r.finishedAt, lostAfter)));
  for (const run of owed) await enqueueRunEvents(runEventsPayload.parse(run));
  return owed.length;
}

/** In pages by ID: a long backlog of waiting deliveries is looked at once a pass, never twice. */
async function sweepUnqueuedDeliveries(): Promise<number> {
  const d = webhookDeliveries;
  let after = 0;
  let swept = 0;
  for (;;) {
    const rows = await db()
      .select({ id: d.id, customerId: d.customerId })
      .from(d)
      .where(and(eq(d.status, "pending"), eq(d.attempts, 0), lt(d.createdAt, lostAfter), gt(d.id, after)))
      .orderBy(asc(d.id))
      .limit(batch);
    if (rows.length === 0) return swept;
    const byCustomer = new Map<string, number[]>();
    for (const row of rows) {
      if (!byCustomer.has(row.customerId)) byCustomer.set(row.customerId, []);
      byCustomer.get(row.customerId)!.push(row.id);
    }
    for (const [customerId, ids] of byCustomer) await enqueueDeliveries(customerId, ids);
    swept += rows.length;
    after = rows.at(-1)!.id;
  }
}
