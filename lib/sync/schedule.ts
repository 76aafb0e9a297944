import { CronExpressionParser } from "cron-parser";
import type { SyncPeriod } from "@/db/schema";

export type ScheduleSettings = {
  period: SyncPeriod;
  weekday: number | null;
  runHour: number;
  runMinute: number;
  runSecond: number;
};

/**
 * The User Look-Up Period and Execution Time as a six-field cron pattern
 * (seconds first), evaluated by BullMQ in the customer's IANA time zone, so
 * "every day at 02:00" stays 02:00 local across daylight-saving changes.
 */
export function cronPattern(s: ScheduleSettings): string {
  switch (s.period) {
    case "hourly":
      return `${s.runSecond} ${s.runMinute} * * * *`;
    case "daily":
      return `${s.runSecond} ${s.runMinute} ${s.runHour} * * *`;
    case "weekly":
      return `${s.runSecond} ${s.runMinute} ${s.runHour} * * ${s.weekday ?? 1}`;
  }
}

/** When the pattern fires next after `from`, as BullMQ's scheduler will compute it. */
export function nextRunAt(pattern: string, timeZone: string, from = new Date()): Date {
  return CronExpressionParser.parse(pattern, { tz: timeZone, currentDate: from }).next().toDate();
}

export const weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;

export function describeSchedule(s: ScheduleSettings): string {
  const time = [s.runHour, s.runMinute, s.runSecond].map((n) => String(n).padStart(2, "0")).join(":");
  switch (s.period) {
    case "hourly":
      return `every hour at minute ${String(s.runMinute).padStart(2, "0")}:${String(s.runSecond).padStart(2, "0")}`;
    case "daily":
      return `every day at ${time}`;
    case "weekly":
      return `every ${weekdays[s.weekday ?? 1]} at ${time}`;
  }
}
