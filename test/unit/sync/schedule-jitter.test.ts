import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { priorityOfSize } from "@/lib/sync/queue-priority";
import { cronPattern } from "@/lib/sync/schedule";
import { jitterOffsetSeconds, withJitter } from "@/lib/sync/schedule-jitter";

describe("schedule jitter", () => {
  it("spreads a thousand companies over the whole bound, never past it, the same offset every time", () => {
    const ids = Array.from({ length: 1000 }, () => randomUUID());
    const offsets = ids.map((id) => jitterOffsetSeconds(id, "entra", 300));
    expect(Math.min(...offsets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...offsets)).toBeLessThan(300);
    expect(new Set(offsets).size).toBeGreaterThan(250);
    // No minute of the five holds more than a third of them.
    for (let minute = 0; minute < 5; minute++) expect(offsets.filter((o) => Math.floor(o / 60) === minute).length).toBeLessThan(334);
    expect(ids.map((id) => jitterOffsetSeconds(id, "entra", 300))).toEqual(offsets);
    expect(jitterOffsetSeconds(ids[0]!, "entra", 0)).toBe(0);
  });

  it("carries past the minute, the hour and midnight (a weekly run moves to the next weekday)", () => {
    const daily = { period: "daily", weekday: null, runHour: 2, runMinute: 0, runSecond: 0 } as const;
    expect(cronPattern(withJitter(daily, 0))).toBe("0 0 2 * * *");
    expect(cronPattern(withJitter(daily, 299))).toBe("59 4 2 * * *");
    expect(cronPattern(withJitter({ ...daily, runHour: 23, runMinute: 58 }, 150))).toBe("30 0 0 * * *");
    expect(cronPattern(withJitter({ ...daily, period: "weekly", weekday: 6, runHour: 23, runMinute: 59 }, 90))).toBe("30 0 0 * * 0");
    expect(cronPattern(withJitter({ ...daily, period: "hourly", runMinute: 58 }, 200))).toBe("20 1 * * * *");
  });
});

describe("queue lanes by size", () => {
  it("puts smaller companies first, one lane per tenfold, a never-synced one in the middle", () => {
    expect([1, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000, 5_000_000].map(priorityOfSize)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6]);
    expect(priorityOfSize(0)).toBe(3);
  });
});
