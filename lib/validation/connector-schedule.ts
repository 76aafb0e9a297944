import { z } from "zod";
import { syncPeriods } from "@/db/schema";
import { clock } from "./fields";

/**
 * The fields every connector's screen schedules its runs with — Usage, how
 * often and when, in the company's time zone — and the removal threshold
 * that guards them. `what` is how the screen names a run ("look up users").
 */
export const connectorScheduleShape = (what: string) => ({
  usage: z.enum(["use", "not_use"], { message: "Choose Use or Not use." }),
  period: z.enum(syncPeriods, { message: `Choose how often to ${what}.` }),
  weekday: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(0).max(6).nullable()),
  runHour: clock("hour", 23),
  runMinute: clock("minute", 59),
  runSecond: clock("second", 59),
  removalThresholdPercent: z.coerce
    .number({ message: "Enter a percentage." })
    .int("Enter a whole percentage.")
    .min(1, "The removal threshold is 1 to 100 %.")
    .max(100, "The removal threshold is 1 to 100 %."),
});

/** A weekly schedule names its day (for `superRefine`). */
export function requireWeekdayWhenWeekly(v: { period: string; weekday: number | null }, ctx: z.RefinementCtx): void {
  if (v.period === "weekly" && v.weekday === null) ctx.addIssue({ code: "custom", path: ["weekday"], message: "Choose the day of the week." });
}
