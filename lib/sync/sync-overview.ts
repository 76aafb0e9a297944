import "server-only";
import { and, desc, eq, inArray, ne, notInArray } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, type ConnectorId } from "@/db/schema";
import { nextScheduledSync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";
import { scheduledPattern } from "./apply-schedule";
import { nextRunAt, type ScheduleSettings } from "./schedule";

type OverviewInput = { customerId: string; connector: ConnectorId; schedule: (ScheduleSettings & { enabled: boolean }) | null; timeZone: string };

/**
 * What a connector's screen shows about syncing: the run going on, the last
 * real run and the last simulation finished (apart, so a simulation never
 * hides the outcome of the last run that wrote), the next one due.
 */
export async function syncOverview(input: OverviewInput) {
  const ofConnector = and(ofCustomer(syncRuns, input.customerId), eq(syncRuns.connector, input.connector));
  const finished = and(ofConnector, notInArray(syncRuns.status, ["queued", "running"]));
  const [[activeRun], [lastRun], [lastSimulation], next] = await Promise.all([
    db()
      .select()
      .from(syncRuns)
      .where(and(ofConnector, inArray(syncRuns.status, ["queued", "running"])))
      .limit(1),
    db()
      .select()
      .from(syncRuns)
      .where(and(finished, ne(syncRuns.trigger, "simulate")))
      .orderBy(desc(syncRuns.queuedAt))
      .limit(1),
    db()
      .select()
      .from(syncRuns)
      .where(and(finished, eq(syncRuns.trigger, "simulate")))
      .orderBy(desc(syncRuns.queuedAt))
      .limit(1),
    nextRun(input),
  ]);
  return { activeRun: activeRun ?? null, lastRun: lastRun ?? null, lastSimulation: lastSimulation ?? null, nextRun: next };
}

async function nextRun({ customerId, connector, schedule, timeZone }: OverviewInput) {
  if (!schedule?.enabled) return null;
  try {
    return { at: await nextScheduledSync({ customerId, connector }), estimated: false };
  } catch (error) {
    // The queue is the truth; when it cannot be asked, say when it should fire.
    logger.warn({ err: error, customerId, connector }, "could not read the job scheduler");
    return { at: nextRunAt(scheduledPattern({ customerId, connector }, schedule), timeZone), estimated: true };
  }
}

export async function pendingConfirmationRun({ customerId, connector }: { customerId: string; connector: ConnectorId }) {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.connector, connector), eq(syncRuns.status, "needs_confirmation")))
    .orderBy(desc(syncRuns.queuedAt))
    .limit(1);
  return run ?? null;
}
