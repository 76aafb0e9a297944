import { describe, expect, it } from "vitest";
import { defaultRestartPolicy, RestartBackoff } from "@/scripts/launcher/restart-policy";

// Times are plain numbers (ms): the policy is told the time, so nothing here waits.
describe("restart backoff", () => {
  it("doubles the delay from 1 s up to 30 s while the child keeps crashing at once", () => {
    const backoff = new RestartBackoff({ ...defaultRestartPolicy, maxCrashes: 100 });
    let now = 0;
    const delays: number[] = [];
    const attempts: number[] = [];
    for (let i = 0; i < 8; i++) {
      const decision = backoff.crashed(now, now + 100);
      if (!decision.restart) throw new Error("gave up too early");
      delays.push(decision.delayMs);
      attempts.push(decision.attempt);
      now += 100 + decision.delayMs;
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(attempts).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it("starts over at the first delay once the child stayed up for a minute", () => {
    const backoff = new RestartBackoff();
    expect(backoff.crashed(0, 10)).toMatchObject({ restart: true, delayMs: 1_000, attempt: 1 });
    expect(backoff.crashed(1_010, 1_020)).toMatchObject({ restart: true, delayMs: 2_000, attempt: 2 });
    // Up for 59.9 s: still "again".
    expect(backoff.crashed(3_020, 62_920)).toMatchObject({ restart: true, delayMs: 4_000, attempt: 3 });
    // Up for exactly 60 s: a fresh crash.
    expect(backoff.crashed(66_920, 126_920)).toMatchObject({ restart: true, delayMs: 1_000, attempt: 1 });
  });

  it("gives up on the sixth crash within five minutes, saying how many and within how long", () => {
    const backoff = new RestartBackoff();
    let now = 0;
    for (let i = 0; i < 5; i++) {
      const decision = backoff.crashed(now, now + 10);
      expect(decision.restart).toBe(true);
      now += 10 + (decision.restart ? decision.delayMs : 0);
    }
    expect(backoff.crashed(now, now + 10)).toEqual({ restart: false, crashes: 6, withinMs: 300_000 });
  });

  it("forgets crashes older than the window: a child that crashes now and then is restarted forever", () => {
    const backoff = new RestartBackoff();
    // Up for 2 minutes each time: 3 crashes at most in any 5 minutes.
    let now = 0;
    for (let i = 0; i < 50; i++) {
      const decision = backoff.crashed(now, now + 120_000);
      expect(decision).toMatchObject({ restart: true, delayMs: 1_000, attempt: 1 });
      now += 120_000 + 1_000;
    }
  });

  it("counts crashes per window with a policy of its own", () => {
    const backoff = new RestartBackoff({ firstDelayMs: 10, maxDelayMs: 40, stableAfterMs: 1_000, maxCrashes: 2, windowMs: 500 });
    expect(backoff.crashed(0, 1)).toMatchObject({ restart: true, delayMs: 10 });
    expect(backoff.crashed(11, 12)).toMatchObject({ restart: true, delayMs: 20 });
    expect(backoff.crashed(32, 33)).toEqual({ restart: false, crashes: 3, withinMs: 500 });
  });
});
