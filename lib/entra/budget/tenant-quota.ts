/**
 * Graph's resource-unit quota per application and tenant, per 10 seconds, by
 * the tenant's size (Microsoft: S under 50 users 3,500, M 50–500 5,000, L above
 * 500 8,000), and the global limit per application across all tenants
 * (130,000 requests per 10 seconds). We spend 90 % of each: requests granted
 * together may reach Graph closer together than they left, and Graph's own
 * clock is not ours.
 */
export const budgetWindowMs = 10_000;
export const budgetShare = 0.9;
export const appRequestsPerWindow = 130_000;

export function tenantResourceUnits(users: number | null): number {
  // Unknown (a first sync, Test connection) counts as small: the smallest bucket is never too big.
  if (users === null || users < 50) return 3_500;
  return users <= 500 ? 5_000 : 8_000;
}
