import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { graphBudgetWaitSeconds, graphBudgetWaitsTotal, graphRequestsTotal, graphThrottledTotal } from "@/lib/metrics/metrics";
import type { GraphBudget } from "./budget/graph-budget";
import { graphRequestCost } from "./budget/graph-request-cost";

export type GraphCallStats = { throttleWaits: number; throttleWaitMs: number; unavailableRetries: number; budgetWaits: number; budgetWaitMs: number };

export const emptyGraphCallStats = (): GraphCallStats => ({ throttleWaits: 0, throttleWaitMs: 0, unavailableRetries: 0, budgetWaits: 0, budgetWaitMs: 0 });

/**
 * Sits between the Graph client's RetryHandler and the network, so every
 * request — each retry too — passes it: it marks the call as background work
 * (`x-ms-throttle-priority: low`, so Graph sheds our sync before interactive
 * traffic), spends the request's resource units from the (app, tenant)
 * budget first, waiting when it is spent (counted as a budget wait, ours, not
 * Graph's), and counts the answers the retry handler is about to wait out:
 * 429 is throttling (with the time Graph asked for), which pauses the
 * tenant's budget for every request of every process sharing it; 503 and 504
 * are Graph being unavailable, not throttling.
 */
export class GraphCallObserver implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly stats: GraphCallStats,
    private readonly budget: GraphBudget,
    private readonly tenantId: string,
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    context.options = context.options ?? {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set("x-ms-throttle-priority", "low");
    context.options.headers = Object.fromEntries(headers.entries());
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const waitedMs = await this.budget.take(graphRequestCost(context.options.method ?? "GET", url));
    const tenant = { tenant: this.tenantId };
    if (waitedMs > 0) {
      this.stats.budgetWaits += 1;
      this.stats.budgetWaitMs += waitedMs;
      graphBudgetWaitsTotal.inc(tenant);
      graphBudgetWaitSeconds.inc(tenant, waitedMs / 1000);
    }
    graphRequestsTotal.inc(tenant);
    await this.next!.execute(context);
    const status = context.response?.status;
    if (status === 429) {
      const retryAfter = Number(context.response!.headers.get("retry-after"));
      const waitMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 3000;
      this.stats.throttleWaits += 1;
      this.stats.throttleWaitMs += waitMs;
      graphThrottledTotal.inc(tenant);
      await this.budget.pause(waitMs);
    } else if (status === 503 || status === 504) {
      this.stats.unavailableRetries += 1;
    }
  }
}
