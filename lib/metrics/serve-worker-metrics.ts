import "server-only";
import { createServer, type Server } from "node:http";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metricsEnabled } from "./metrics-access";
import { metricsAnswer } from "./metrics-response";

/**
 * The worker's /metrics: a small HTTP listener on METRICS_PORT (the worker has
 * no web server), answering only GET /metrics with the bearer token. Not
 * started without METRICS_TOKEN.
 */
export async function serveWorkerMetrics(): Promise<Server | null> {
  if (!metricsEnabled()) return null;
  const server = createServer((request, response) => {
    if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
      return;
    }
    metricsAnswer(request.headers.authorization).then(
      (answer) => response.writeHead(answer.status, { "content-type": answer.contentType }).end(answer.body),
      () => response.writeHead(500, { "content-type": "text/plain" }).end("Metrics unavailable\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env().WORKER_METRICS_PORT, env().WORKER_METRICS_HOST, () => resolve());
  });
  const address = server.address();
  logger.info({ port: typeof address === "object" ? address?.port : null }, "worker metrics listening");
  return server;
}
