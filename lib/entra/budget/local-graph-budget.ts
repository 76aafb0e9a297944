import type { BudgetKey, GraphBudget } from "./graph-budget";
import { appRequestsPerWindow, budgetShare, budgetWindowMs, tenantResourceUnits } from "./tenant-quota";
import { emptyBucket, pauseBucket, takeTokens, type BucketState } from "./token-bucket";

/**
 * The budget kept in this process only: what the embedded demo (jobs on the
 * PostgreSQL backend, no Redis) uses, where one worker and one web process
 * each keep their own. Two processes could then spend up to twice a tenant's
 * share; the demo's one tenant is nowhere near it. With Redis, every process
 * shares one budget (redis-graph-budget.ts).
 */
const buckets = new Map<string, BucketState>();
const bucket = (key: string, capacity: number) => {
  let state = buckets.get(key);
  if (!state) buckets.set(key, (state = emptyBucket(capacity)));
  return state;
};

export function localGraphBudget({ clientId, tenantId, tenantUsers }: BudgetKey): GraphBudget {
  const capacity = tenantResourceUnits(tenantUsers) * budgetShare();
  const tenant = () => bucket(`${clientId}/${tenantId}`, capacity);
  const app = () => bucket(clientId, appRequestsPerWindow * budgetShare());
  return {
    async take(cost) {
      const started = Date.now();
      for (let asked = 0; ; asked++) {
        const wait = takeTokens(
          [
            { state: tenant(), capacity, cost: Math.min(cost, capacity) },
            { state: app(), capacity: appRequestsPerWindow * budgetShare(), cost: 1 },
          ],
          Date.now(),
          budgetWindowMs,
        );
        // Granted at the first ask is no wait, however long the ask took.
        if (wait === 0) return asked === 0 ? 0 : Date.now() - started;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    },
    async pause(ms) {
      pauseBucket(tenant(), Date.now(), ms);
    },
  };
}
