/**
 * The time as provisioning's grace periods and the credentials' rate windows
 * see it. Tests move it forward (a 30-day grace period is tested without
 * waiting 30 days); nothing else does.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** For tests: every later `now()` is this much later than the real time. */
export function advanceClockForTests(ms: number): void {
  offsetMs += ms;
}

export function resetClockForTests(): void {
  offsetMs = 0;
}
