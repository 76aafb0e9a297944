import { explainEntraError } from "@/lib/entra/explain-entra-error";

/**
 * Retries a Graph page or token request that failed below HTTP — a reset
 * connection, a refused socket, an identity-service outage — which the Graph
 * SDK's RetryHandler (429/503/504 only) does not. A request is idempotent
 * here: the same nextLink again. What is still failing after this goes to
 * BullMQ's job retries.
 */
export async function withRetries<T>(
  call: () => Promise<T>,
  opts: { attempts?: number; baseDelayMs?: number; onRetry?: (waitMs: number) => void } = {},
): Promise<T> {
  const attempts = opts.attempts ?? 4;
  const base = opts.baseDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts || !explainEntraError(error).retryable) throw error;
      const wait = base * 2 ** (attempt - 1);
      opts.onRetry?.(wait);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
