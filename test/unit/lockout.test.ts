import { describe, expect, it } from "vitest";
import { lockoutMessage, lockoutRemainingMs } from "@/lib/lockout/lockout";

const policy = { maxFailures: 3, windowMs: 15 * 60_000 };
const now = new Date("2026-11-23T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("lockoutRemainingMs", () => {
  it("does not lock below the limit", () => {
    expect(lockoutRemainingMs([minutesAgo(1), minutesAgo(2)], now, policy)).toBe(0);
  });

  it("locks at the limit until the oldest counted failure leaves the window", () => {
    const remaining = lockoutRemainingMs([minutesAgo(1), minutesAgo(2), minutesAgo(5)], now, policy);
    expect(remaining).toBe(10 * 60_000);
  });

  it("ignores failures older than the window", () => {
    expect(lockoutRemainingMs([minutesAgo(1), minutesAgo(2), minutesAgo(16)], now, policy)).toBe(0);
  });

  it("counts the most recent failures when there are more than the limit", () => {
    const failures = [minutesAgo(14), minutesAgo(3), minutesAgo(2), minutesAgo(1)];
    expect(lockoutRemainingMs(failures, now, policy)).toBe(12 * 60_000);
  });

  it("ignores failures dated in the future", () => {
    const future = new Date(now.getTime() + 60_000);
    expect(lockoutRemainingMs([future, future, future], now, policy)).toBe(0);
  });
});

describe("lockoutMessage", () => {
  it("rounds up to whole minutes and never says zero", () => {
    expect(lockoutMessage(61_000)).toContain("2 minutes");
    expect(lockoutMessage(1)).toContain("1 minute ");
  });
});
