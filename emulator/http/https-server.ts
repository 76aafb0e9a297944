import { randomUUID } from "node:crypto";
import https from "node:https";
import { GraphError } from "../graph/graph-error";
import type { RequestContext } from "./request-context";
import { originFor } from "./request-context";
import type { RequestLog } from "./request-log";
import { HttpError } from "./http-error";
import { renderError } from "./render-error";
import type { Router } from "./router";

export interface ServerOptions {
  certPem: string;
  keyPem: string;
  router: Router;
  requestLog: RequestLog;
  /** Filled in once the port is known. */
  origin: { port: number; url: string };
}

/** Admin traffic is not logged: tests read the log to see what clients did, not what they did themselves. */
const UNLOGGED_PREFIX = "/_emulator/";

/**
 * The single HTTPS listener for identity, Graph and admin routes. It builds
 * the request context, dispatches, renders errors and records the request log
 * once the response is finished (so the log carries the final status).
 */
export function createHttpsServer(options: ServerOptions): https.Server {
  const server = https.createServer({ cert: options.certPem, key: options.keyPem }, (req, res) => {
    const started = performance.now();
    const origin = originFor(req.headers.host, options.origin.port, options.origin.url);
    const url = new URL(req.url ?? "/", origin);
    const log = options.requestLog.start(req.method ?? "GET", url, req.headers);
    const ctx: RequestContext = { req, res, url, origin, params: {}, requestId: randomUUID(), log, cutBodyMidway: false };
    if (!url.pathname.startsWith(UNLOGGED_PREFIX)) {
      res.on("close", () => {
        log.status = res.statusCode;
        log.durationMs = Math.round((performance.now() - started) * 10) / 10;
        options.requestLog.record(log);
      });
    }
    void dispatch(ctx, options.router);
  });
  server.keepAliveTimeout = 65_000;
  return server;
}

async function dispatch(ctx: RequestContext, router: Router): Promise<void> {
  try {
    const match = router.match(ctx.req.method ?? "GET", ctx.url.pathname);
    if (!match) throw notFoundFor(ctx.url.pathname);
    if ("methodNotAllowed" in match) throw new HttpError(405, `Use ${match.methodNotAllowed.join(" or ")} for ${ctx.url.pathname}.`);
    ctx.params = match.params;
    await match.handler(ctx);
  } catch (error) {
    renderError(ctx, error);
  }
}

/** Graph answers an unknown segment with 400, not 404; everything else is a plain 404. */
function notFoundFor(path: string): Error {
  if (path.toLowerCase().startsWith("/v1.0/")) {
    const segment = path.split("/").filter(Boolean).at(-1) ?? "";
    return new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
  }
  return new HttpError(404, `No emulator route for ${path}.`);
}
