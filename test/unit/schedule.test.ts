import { describe, expect, it } from "vitest";
import { cronPattern, describeSchedule, nextRunAt } from "@/lib/sync/schedule";

const at = { runHour: 9, runMinute: 30, runSecond: 15, weekday: null };

describe("sync schedule", () => {
  it("turns period and execution time into a six-field cron pattern", () => {
    expect(cronPattern({ ...at, period: "hourly" })).toBe("15 30 * * * *");
    expect(cronPattern({ ...at, period: "daily" })).toBe("15 30 9 * * *");
    expect(cronPattern({ ...at, period: "weekly", weekday: 3 })).toBe("15 30 9 * * 3");
    expect(describeSchedule({ ...at, period: "weekly", weekday: 3 })).toBe("every Wednesday at 09:30:15");
  });

  it("keeps local time across a daylight-saving change (New York, spring forward)", () => {
    const pattern = cronPattern({ ...at, period: "daily" });
    // 7 March 2026 is EST (UTC-5), 8 March EDT (UTC-4).
    expect(nextRunAt(pattern, "America/New_York", new Date("2026-03-07T12:00:00Z")).toISOString()).toBe("2026-03-07T14:30:15.000Z");
    expect(nextRunAt(pattern, "America/New_York", new Date("2026-03-07T15:00:00Z")).toISOString()).toBe("2026-03-08T13:30:15.000Z");
  });

  it("keeps local time across the autumn change (Berlin)", () => {
    const pattern = cronPattern({ runHour: 2, runMinute: 0, runSecond: 0, weekday: null, period: "daily" });
    // 25 October 2026: CEST (UTC+2) ends at 03:00 local.
    expect(nextRunAt(pattern, "Europe/Berlin", new Date("2026-10-24T12:00:00Z")).toISOString()).toBe("2026-10-25T00:00:00.000Z");
    expect(nextRunAt(pattern, "Europe/Berlin", new Date("2026-10-25T12:00:00Z")).toISOString()).toBe("2026-10-26T01:00:00.000Z");
  });

  it("runs weekly on the chosen weekday", () => {
    const next = nextRunAt(cronPattern({ ...at, period: "weekly", weekday: 1 }), "UTC", new Date("2026-11-23T10:00:00Z"));
    expect(next.toISOString()).toBe("2026-11-30T09:30:15.000Z"); // 23 Nov 2026 is a Monday, already past 09:30
  });
});
