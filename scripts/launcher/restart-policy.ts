/**
 * When the launcher restarts a child that stopped on its own, and when it
 * gives up. Pure: the caller says what time it is, so the tests need no clock.
 *
 * The delay doubles from `firstDelayMs` up to `maxDelayMs` with each crash in
 * a row, so a child that fails at once does not spin; a child that stayed up
 * for `stableAfterMs` crashed "once", not "again", and starts over at the
 * first delay. A child that crashes more than `maxCrashes` times within
 * `windowMs` cannot stay up: restarting it forever would hide that, so the
 * launcher stops the portal instead.
 */
export type RestartPolicy = {
  firstDelayMs: number;
  maxDelayMs: number;
  stableAfterMs: number;
  maxCrashes: number;
  windowMs: number;
};

export const defaultRestartPolicy: RestartPolicy = {
  firstDelayMs: 1_000,
  maxDelayMs: 30_000,
  stableAfterMs: 60_000,
  maxCrashes: 5,
  windowMs: 5 * 60_000,
};

export type RestartDecision =
  /** `attempt` counts the crashes in a row (1 for the first since the child was last stable). */
  { restart: true; delayMs: number; attempt: number } | { restart: false; crashes: number; withinMs: number };

/** One child's crash record. */
export class RestartBackoff {
  private inARow = 0;
  private crashTimes: number[] = [];

  constructor(private readonly policy: RestartPolicy = defaultRestartPolicy) {}

  /** The child started at `startedAt` stopped unexpectedly at `now`: restart it after a delay, or give up. */
  crashed(startedAt: number, now: number): RestartDecision {
    const { firstDelayMs, maxDelayMs, stableAfterMs, maxCrashes, windowMs } = this.policy;
    if (now - startedAt >= stableAfterMs) this.inARow = 0;
    this.inARow += 1;
    this.crashTimes = [...this.crashTimes.filter((t) => now - t < windowMs), now];
    if (this.crashTimes.length > maxCrashes) return { restart: false, crashes: this.crashTimes.length, withinMs: windowMs };
    const delayMs = Math.min(firstDelayMs * 2 ** (this.inARow - 1), maxDelayMs);
    return { restart: true, delayMs, attempt: this.inARow };
  }
}
