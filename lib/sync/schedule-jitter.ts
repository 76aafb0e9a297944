import { createHash } from "node:crypto";
import type { ScheduleSettings } from "./schedule";

/**
 * A company's scheduled run starts at its chosen time plus a fixed offset of
 * its own, under `jitterSeconds` (SCHEDULE_JITTER_SECONDS, 5 minutes unless
 * set): most companies keep the default 02:00, and without it they would all
 * fall due in the same second. The offset comes from the company and
 * connector, so it is the same every day and at every save; the time carried
 * past midnight moves a weekly run to the next weekday, as the clock would.
 */
export function jitterOffsetSeconds(customerId: string, connector: string, jitterSeconds: number): number {
  if (jitterSeconds <= 0) return 0;
  return createHash("sha256").update(`${customerId}/${connector}`).digest().readUInt32BE(0) % jitterSeconds;
}

export function withJitter(s: ScheduleSettings, offsetSeconds: number): ScheduleSettings {
  if (s.period === "hourly") {
    const inHour = (s.runMinute * 60 + s.runSecond + offsetSeconds) % 3600;
    return { ...s, runMinute: Math.floor(inHour / 60), runSecond: inHour % 60 };
  }
  const total = s.runHour * 3600 + s.runMinute * 60 + s.runSecond + offsetSeconds;
  const inDay = total % 86_400;
  const nextDay = total >= 86_400;
  return {
    ...s,
    runHour: Math.floor(inDay / 3600),
    runMinute: Math.floor((inDay % 3600) / 60),
    runSecond: inDay % 60,
    weekday: s.period === "weekly" && nextDay ? ((s.weekday ?? 1) + 1) % 7 : s.weekday,
  };
}
