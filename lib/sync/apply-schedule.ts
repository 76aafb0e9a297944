import "server-only";
import type { ConnectorId } from "@/db/schema";
import { scheduleDirectorySync, unscheduleDirectorySync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { syncPriority } from "./queue-priority";
import { cronPattern, type ScheduleSettings } from "./schedule";
import { jitterOffsetSeconds, withJitter } from "./schedule-jitter";

export type ScheduleState = (ScheduleSettings & { enabled: boolean }) | null;
export type ScheduleTarget = { customerId: string; connector: ConnectorId };

/**
 * Makes a customer's job scheduler for one connector match its settings: Usage = Use upserts it
 * (cron from period + time plus the company's fixed jitter, in the company's time zone, in its
 * lane by size), Not use removes it.
 *
 * Callers change the schedule *before* the database and put the old one back
 * if the database write fails: the queue may live in the same embedded
 * database, whose single session an open transaction would hold, so the two
 * are never done inside one transaction.
 */
export async function applySchedule(target: ScheduleTarget, state: ScheduleState, timeZone: string): Promise<void> {
  try {
    if (state?.enabled) await scheduleDirectorySync({ ...target, pattern: scheduledPattern(target, state), timeZone, priority: await syncPriority(target) });
    else await unscheduleDirectorySync(target);
  } catch (error) {
    logger.error({ err: error, ...target }, "could not update the sync schedule");
    throw new AppError("unavailable", "The job queue cannot be reached, so nothing was saved. Please try again in a moment.");
  }
}

/** Runs a database write under a new schedule, restoring the old schedule if the write fails. */
export async function withSchedule<T>(
  target: ScheduleTarget,
  next: { state: ScheduleState; timeZone: string },
  previous: { state: ScheduleState; timeZone: string },
  write: () => Promise<T>,
): Promise<T> {
  await applySchedule(target, next.state, next.timeZone);
  try {
    return await write();
  } catch (error) {
    await applySchedule(target, previous.state, previous.timeZone).catch(() => undefined);
    throw error;
  }
}

/** The cron pattern the queue runs: the chosen time plus the company's jitter (lib/sync/schedule-jitter.ts). */
export function scheduledPattern(target: ScheduleTarget, state: ScheduleSettings): string {
  return cronPattern(withJitter(state, jitterOffsetSeconds(target.customerId, target.connector, env().SCHEDULE_JITTER_SECONDS)));
}
