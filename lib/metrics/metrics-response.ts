import "server-only";
import { logger } from "@/lib/logger";
import { mayReadMetrics, metricsEnabled } from "./metrics-access";
import { metricsRegistry } from "./metrics";
import { refreshQueueMetrics } from "./queue-metrics";

export type MetricsAnswer = { status: number; contentType: string; body: string };

/** The answer to a scrape, the same for the web's route and the worker's listener. */
export async function metricsAnswer(authorization: string | null | undefined): Promise<MetricsAnswer> {
  if (!metricsEnabled()) return { status: 404, contentType: "text/plain", body: "Not found\n" };
  if (!mayReadMetrics(authorization)) return { status: 401, contentType: "text/plain", body: "A bearer token is required\n" };
  // A queue that cannot be reached leaves its depth as last read; the rest still answers.
  await refreshQueueMetrics().catch((error) => logger.warn({ err: { name: (error as Error).name } }, "metrics: could not read the queue's depth"));
  return { status: 200, contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
