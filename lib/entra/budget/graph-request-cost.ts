/**
 * What a Graph request costs in the identity service's resource units, as
 * Microsoft's throttling limits give them ("Identity and access service
 * limits", learn.microsoft.com/graph/throttling-limits): GET `users` 2,
 * `groups/{id}/members` 3, `groups/{id}/transitiveMembers` 5, any other
 * identity path 1 (delta, `$count`, `organization`, one user); `$select`
 * takes 1 off, `$expand` adds 1, `$top` under 20 takes 1 off; never below 1.
 */
const baseCosts: [RegExp, number][] = [
  [/^users$/, 2],
  [/^groups\/[^/]+\/members(\/|$)/, 3],
  [/^groups\/[^/]+\/transitivemembers(\/|$)/, 5],
  [/^applications$/, 2],
  [/^subscribedskus$/, 3],
];

export function graphRequestCost(method: string, url: string): number {
  const parsed = new URL(url, "https://graph.microsoft.com");
  const path = decodeURIComponent(parsed.pathname)
    .replace(/^\/(v1\.0|beta)\//i, "")
    .replace(/^\/+|\/+$/g, "")
    .toLowerCase();
  let cost = method.toUpperCase() === "GET" ? (baseCosts.find(([pattern]) => pattern.test(path))?.[1] ?? 1) : 1;
  const query = parsed.searchParams;
  if (query.has("$select")) cost -= 1;
  if (query.has("$expand")) cost += 1;
  const top = Number(query.get("$top"));
  if (query.has("$top") && Number.isFinite(top) && top < 20) cost -= 1;
  return Math.max(1, cost);
}
