import type { Context, Middleware } from "@microsoft/microsoft-graph-client";

export type GraphCallStats = { throttleWaits: number; throttleWaitMs: number; unavailableRetries: number };

/**
 * Sits between the Graph client's RetryHandler and the network: marks every
 * call as background work (`x-ms-throttle-priority: low`, so Graph sheds our
 * sync before interactive traffic) and counts the answers the retry handler
 * is about to wait out, for the run's record: 429 is throttling (with the
 * time Graph asked for); 503 and 504 are Graph being unavailable, not throttling.
 */
export class GraphCallObserver implements Middleware {
  private next?: Middleware;

  constructor(private readonly stats: GraphCallStats) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    context.options = context.options ?? {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set("x-ms-throttle-priority", "low");
    context.options.headers = Object.fromEntries(headers.entries());
    await this.next!.execute(context);
    const status = context.response?.status;
    if (status === 429) {
      const retryAfter = Number(context.response!.headers.get("retry-after"));
      this.stats.throttleWaits += 1;
      this.stats.throttleWaitMs += Number.isFinite(retryAfter) ? retryAfter * 1000 : 3000;
    } else if (status === 503 || status === 504) {
      this.stats.unavailableRetries += 1;
    }
  }
}
