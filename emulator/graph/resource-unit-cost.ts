/**
 * What Graph's identity service charges a request, in resource units, as
 * Microsoft publishes it (learn.microsoft.com/graph/throttling-limits,
 * "Identity and access service limits"): GET `users` 2, `groups/{id}/members`
 * 3, `groups/{id}/transitiveMembers` 5, every other identity request 1;
 * `$select` −1, `$expand` +1, `$top` below 20 −1; never below 1. Written here
 * apart from the portal's own estimate (lib/entra/budget/), so that a mistake
 * in that one is caught by this one rather than repeated.
 */
export function resourceUnitCost(method: string, url: URL): number {
  const path = url.pathname.replace(/^\/v1\.0\//, "").toLowerCase();
  let cost = 1;
  if (method === "GET") {
    if (path === "users") cost = 2;
    else if (/^groups\/[^/]+\/members$/.test(path)) cost = 3;
    else if (/^groups\/[^/]+\/transitivemembers(\/|$)/.test(path)) cost = 5;
  }
  if (url.searchParams.has("$select")) cost--;
  if (url.searchParams.has("$expand")) cost++;
  const top = url.searchParams.get("$top");
  if (top !== null && Number(top) < 20) cost--;
  return Math.max(1, cost);
}

/** The (app, tenant) pair's quota per 10 seconds by the tenant's size: S under 50 users, M up to 500, L above. */
export function resourceUnitQuota(users: number): number {
  return users < 50 ? 3_500 : users <= 500 ? 5_000 : 8_000;
}
