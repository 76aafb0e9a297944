import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { RetryAfterGate } from "./retry-after-gate";

export type GraphCallStats = { throttleWaits: number; throttleWaitMs: number; unavailableRetries: number };

/**
 * Sits between the Graph client's RetryHandler and the network: marks every
 * call as background work (`x-ms-throttle-priority: low`, so Graph sheds our
 * sync before interactive traffic) and counts the answers the retry handler
 * is about to wait out, for the run's record: 429 is throttling (with the
 * time Graph asked for); 503 and 504 are Graph being unavailable, not throttling.
 * A 429's Retry-After closes the client's gate, so requests running beside
 * the throttled one (a sharded round's listings) pause with it.
 */
export class GraphCallObserver implements Middleware {
  private next?: Middleware;

  constructor(
    private readonly stats: GraphCallStats,
    private readonly gate = new RetryAfterGate(),
  ) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    context.options = context.options ?? {};
    const headers = new Headers(context.options.headers as HeadersInit | undefined);
    headers.set("x-ms-throttle-priority", "low");
    context.options.headers = Object.fromEntries(headers.entries());
    await this.gate.pass();
    await this.next!.execute(context);
    const status = context.response?.status;
    if (status === 429) {
      const retryAfter = Number(context.response!.headers.get("retry-after"));
      const waitMs = Number.isFinite(retryAfter) ? retryAfter * 1000 : 3000;
      this.stats.throttleWaits += 1;
      this.stats.throttleWaitMs += waitMs;
      this.gate.closeFor(waitMs);
    } else if (status === 503 || status === 504) {
      this.stats.unavailableRetries += 1;
    }
  }
}
