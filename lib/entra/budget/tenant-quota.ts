import { env } from "@/lib/env";

/**
 * Graph's resource-unit quota per application and tenant, per 10 seconds, by
 * the tenant's size (Microsoft: S under 50 users 3,500, M 50–500 5,000, L above
 * 500 8,000), and the global limit per application across all tenants
 * (130,000 requests per 10 seconds). We spend GRAPH_BUDGET_SHARE of each (90 %):
 * requests granted together may reach Graph closer together than they left,
 * and Graph's own clock is not ours.
 */
export const budgetWindowMs = 10_000;
export const budgetShare = () => env().GRAPH_BUDGET_SHARE;
export const appRequestsPerWindow = 130_000;

export function tenantResourceUnits(users: number | null): number {
  // Unknown (a first sync, Test connection) counts as small: the smallest bucket is never too big.
  if (users === null || users < 50) return 3_500;
  return users <= 500 ? 5_000 : 8_000;
}
