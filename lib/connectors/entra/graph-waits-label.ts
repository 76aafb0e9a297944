import type { SyncRun } from "@/db/schema";

/**
 * What a run waited for at Microsoft Graph, in words: throttling is a 429
 * (Graph asked us to slow down, and said for how long); a 503, 504 or a
 * dropped connection is Graph being unavailable, which is not throttling and
 * is never called so. Waiting for the tenant's budget is ours: the portal paces
 * every process's requests to the tenant within Graph's limits (lib/entra/budget/).
 */
export function graphWaitsLabel(run: Pick<SyncRun, "throttleWaits" | "throttleWaitMs" | "unavailableRetries" | "budgetWaits" | "budgetWaitMs">): string {
  const parts = [];
  // Our own pacing, so that the tenant stays within what Graph allows it: said apart from Graph's throttling.
  if (run.budgetWaits > 0) parts.push(`waited ${Math.round(run.budgetWaitMs / 1000)} s for the tenant's Microsoft Graph budget (${times(run.budgetWaits)})`);
  if (run.throttleWaits > 0) parts.push(`throttled ${times(run.throttleWaits)} (${Math.round(run.throttleWaitMs / 1000)} s waited)`);
  if (run.unavailableRetries > 0) parts.push(`Microsoft Graph was temporarily unavailable ${times(run.unavailableRetries)} (tried again)`);
  return parts.length > 0 ? parts.join("; ") : "never throttled or unavailable";
}

const times = (n: number) => (n === 1 ? "once" : `${n} times`);
