/** One (app, tenant) pair's share of Graph, drawn by every request of any process that calls Graph for it. */
export interface GraphBudget {
  /** Waits until `cost` resource units may be spent (and any pause is over); resolves with the milliseconds waited. */
  take(cost: number): Promise<number>;
  /** Graph answered 429 with Retry-After: nothing leaves for this pair for `ms`, in any process sharing the budget. */
  pause(ms: number): Promise<void>;
}

export type BudgetKey = { clientId: string; tenantId: string; tenantUsers: number | null };
