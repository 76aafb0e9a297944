export type LockoutPolicy = { maxFailures: number; windowMs: number };

/**
 * How long a key stays locked, given the times of its recent failures: locked
 * while `maxFailures` of them fall inside one window, until the oldest of those
 * leaves it. Pure, so the rule is unit-tested apart from its storage.
 */
export function lockoutRemainingMs(failures: readonly Date[], now: Date, policy: LockoutPolicy): number {
  const since = now.getTime() - policy.windowMs;
  const recent = failures
    .map((d) => d.getTime())
    .filter((t) => t > since && t <= now.getTime())
    .sort((a, b) => b - a);
  if (recent.length < policy.maxFailures) return 0;
  const oldestCounted = recent[policy.maxFailures - 1]!;
  return Math.max(0, oldestCounted + policy.windowMs - now.getTime());
}

export function lockoutMessage(remainingMs: number): string {
  const minutes = Math.max(1, Math.ceil(remainingMs / 60_000));
  return `Too many failed sign-in attempts. Please wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`;
}
