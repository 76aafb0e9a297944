import type { SyncRun } from "@/db/schema";

/**
 * What a run waited for at Microsoft Graph, in words: throttling is a 429
 * (Graph asked us to slow down, and said for how long); a 503, 504 or a
 * dropped connection is Graph being unavailable, which is not throttling and
 * is never called so.
 */
export function graphWaitsLabel(run: Pick<SyncRun, "throttleWaits" | "throttleWaitMs" | "unavailableRetries">): string {
  const parts = [];
  if (run.throttleWaits > 0) parts.push(`throttled ${times(run.throttleWaits)} (${Math.round(run.throttleWaitMs / 1000)} s waited)`);
  if (run.unavailableRetries > 0) parts.push(`Microsoft Graph was temporarily unavailable ${times(run.unavailableRetries)} (tried again)`);
  return parts.length > 0 ? parts.join("; ") : "never throttled or unavailable";
}

const times = (n: number) => (n === 1 ? "once" : `${n} times`);
