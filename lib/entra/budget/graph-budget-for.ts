import "server-only";
import { usesRedis } from "@/lib/jobs/queue-backend";
import type { BudgetKey, GraphBudget } from "./graph-budget";
import { localGraphBudget } from "./local-graph-budget";
import { redisGraphBudget } from "./redis-graph-budget";

/** The (app, tenant) pair's budget: shared through Redis when there is one, else this process's own. */
export function graphBudgetFor(key: BudgetKey): GraphBudget {
  return usesRedis() ? redisGraphBudget(key) : localGraphBudget(key);
}
