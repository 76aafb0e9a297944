/**
 * A token bucket's arithmetic, kept alone so the process-local budget and the
 * Redis script (redis-graph-budget.ts, the same steps in Lua) can be read side
 * by side: `capacity` tokens, refilled at `capacity` per `windowMs`, spent
 * whole or not at all; a pause empties the bucket and refills from its end.
 */
export type BucketState = { tokens: number; at: number; pausedUntil: number };

export function bucketLevel(state: BucketState | undefined, now: number, capacity: number, windowMs: number): number {
  if (!state) return capacity;
  const elapsed = Math.max(0, now - state.at);
  return Math.min(capacity, state.tokens + (elapsed * capacity) / windowMs);
}

/** Milliseconds until `cost` tokens are there (0: they are, and `state` is spent from). */
export function takeTokens(buckets: { state: BucketState; capacity: number; cost: number }[], now: number, windowMs: number): number {
  let wait = 0;
  const levels = buckets.map(({ state, capacity, cost }) => {
    if (state.pausedUntil > now) wait = Math.max(wait, state.pausedUntil - now);
    const level = bucketLevel(state, now, capacity, windowMs);
    if (level < cost) wait = Math.max(wait, Math.ceil(((cost - level) * windowMs) / capacity));
    return level;
  });
  if (wait > 0) return wait;
  buckets.forEach(({ state, cost }, i) => Object.assign(state, { tokens: levels[i]! - cost, at: now }));
  return 0;
}

export function pauseBucket(state: BucketState, now: number, ms: number): void {
  state.pausedUntil = Math.max(state.pausedUntil, now + ms);
  state.tokens = 0;
  state.at = state.pausedUntil;
}

export const emptyBucket = (capacity: number): BucketState => ({ tokens: capacity, at: 0, pausedUntil: 0 });
