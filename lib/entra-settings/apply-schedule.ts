import "server-only";
import { scheduleDirectorySync, unscheduleDirectorySync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { cronPattern, type ScheduleSettings } from "@/lib/sync/schedule";

export type ScheduleState = (ScheduleSettings & { enabled: boolean }) | null;

/**
 * Makes the customer's job scheduler match settings: Usage = Use upserts it
 * (cron from period + time, in the company's time zone), Not use removes it.
 *
 * Callers change the schedule *before* the database and put the old one back
 * if the database write fails: the queue may live in the same embedded
 * database, whose single session an open transaction would hold, so the two
 * are never done inside one transaction.
 */
export async function applySchedule(customerId: string, state: ScheduleState, timeZone: string): Promise<void> {
  try {
    if (state?.enabled) await scheduleDirectorySync(customerId, cronPattern(state), timeZone);
    else await unscheduleDirectorySync(customerId);
  } catch (error) {
    logger.error({ err: error, customerId }, "could not update the sync schedule");
    throw new AppError("unavailable", "The job queue cannot be reached, so nothing was saved. Please try again in a moment.");
  }
}

/** Runs a database write under a new schedule, restoring the old schedule if the write fails. */
export async function withSchedule<T>(
  customerId: string,
  next: { state: ScheduleState; timeZone: string },
  previous: { state: ScheduleState; timeZone: string },
  write: () => Promise<T>,
): Promise<T> {
  await applySchedule(customerId, next.state, next.timeZone);
  try {
    return await write();
  } catch (error) {
    await applySchedule(customerId, previous.state, previous.timeZone).catch(() => undefined);
    throw error;
  }
}
