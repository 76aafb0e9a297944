/**
 * Graph's token bucket per application in one tenant, as the identity service
 * keeps it: `quota` resource units, refilled at `quota` per 10 seconds; a
 * request that finds fewer units than it costs is answered 429 with the
 * seconds until they are back. Counts what it charged and refused, and the
 * lowest level any app's bucket reached, for tests and benchmarks to read.
 */
export type ResourceUnitCounts = { requests: number; spent: number; throttled: number; lowestLevel: number | null };

const windowMs = 10_000;

export class ResourceUnitMeter {
  private readonly buckets = new Map<string, { level: number; at: number }>();
  private counts: ResourceUnitCounts = { requests: 0, spent: 0, throttled: 0, lowestLevel: null };

  /** 0 when the request may pass (its units spent), else the Retry-After in seconds. */
  charge(clientId: string, cost: number, quota: number, now = Date.now()): number {
    const bucket = this.buckets.get(clientId) ?? { level: quota, at: now };
    bucket.level = Math.min(quota, bucket.level + ((now - bucket.at) * quota) / windowMs);
    bucket.at = now;
    this.buckets.set(clientId, bucket);
    this.counts.requests++;
    if (bucket.level < cost) {
      this.counts.throttled++;
      return Math.max(1, Math.ceil(((cost - bucket.level) * windowMs) / quota / 1000));
    }
    bucket.level -= cost;
    this.counts.spent += cost;
    this.counts.lowestLevel = Math.min(this.counts.lowestLevel ?? quota, bucket.level);
    return 0;
  }

  describe(): ResourceUnitCounts {
    return { ...this.counts };
  }
}
