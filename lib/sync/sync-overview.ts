import "server-only";
import { and, desc, eq, inArray, notInArray } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { nextScheduledSync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";
import { cronPattern, nextRunAt, type ScheduleSettings } from "./schedule";

/** What the MS AAD screen shows about syncing: the run going on, the last one finished, the next one due. */
export async function syncOverview({ customerId, schedule, timeZone }: { customerId: string; schedule: (ScheduleSettings & { enabled: boolean }) | null; timeZone: string }) {
  const [[activeRun], [lastRun], next] = await Promise.all([
    db().select().from(syncRuns).where(and(ofCustomer(syncRuns, customerId), inArray(syncRuns.status, ["queued", "running"]))).limit(1),
    db()
      .select()
      .from(syncRuns)
      .where(and(ofCustomer(syncRuns, customerId), notInArray(syncRuns.status, ["queued", "running"])))
      .orderBy(desc(syncRuns.queuedAt))
      .limit(1),
    nextRun(customerId, schedule, timeZone),
  ]);
  return { activeRun: activeRun ?? null, lastRun: lastRun ?? null, nextRun: next };
}

async function nextRun(customerId: string, schedule: (ScheduleSettings & { enabled: boolean }) | null, timeZone: string) {
  if (!schedule?.enabled) return null;
  try {
    return { at: await nextScheduledSync(customerId), estimated: false };
  } catch (error) {
    // The queue is the truth; when it cannot be asked, say when it should fire.
    logger.warn({ err: error, customerId }, "could not read the job scheduler");
    return { at: nextRunAt(cronPattern(schedule), timeZone), estimated: true };
  }
}

export async function pendingConfirmationRun(customerId: string) {
  const [run] = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.status, "needs_confirmation")))
    .orderBy(desc(syncRuns.queuedAt))
    .limit(1);
  return run ?? null;
}
