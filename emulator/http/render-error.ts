import { ZodError } from "zod";
import { GraphError, graphErrorBody } from "../graph/graph-error";
import { AadstsError } from "../identity/aadsts-error";
import { DirectoryError } from "../state/directory-error";
import { HttpError } from "./http-error";
import type { RequestContext } from "./request-context";
import { PLAIN_JSON, sendJson } from "./send";

/**
 * Turns any error a handler throws into the response shape of the part of the
 * service it came from: Graph errors, OAuth/AADSTS errors, admin API errors.
 * Anything unexpected is a 500 whose message says where to look.
 */
export function renderError(ctx: RequestContext, error: unknown): void {
  if (ctx.res.headersSent) {
    ctx.res.destroy();
    return;
  }
  ctx.cutBodyMidway = false;
  const clientRequestId = ctx.log.headers["client-request-id"] ?? ctx.requestId;
  if (error instanceof GraphError) {
    sendJson(ctx, error.status, graphErrorBody(error.code, error.message, ctx.requestId, clientRequestId), {
      "request-id": ctx.requestId,
      "client-request-id": clientRequestId,
      ...error.headers,
    });
  } else if (error instanceof AadstsError) {
    sendJson(ctx, error.status, error.body(ctx.origin, clientRequestId), { ...PLAIN_JSON, "x-ms-request-id": ctx.requestId, ...error.headers });
  } else if (error instanceof DirectoryError || error instanceof HttpError) {
    const details = error instanceof HttpError ? error.details : undefined;
    sendJson(ctx, error.status, { error: { message: error.message, ...(details ? { details } : {}) } }, PLAIN_JSON);
  } else if (error instanceof ZodError) {
    sendJson(ctx, 400, { error: { message: "The request body is not valid.", details: error.issues } }, PLAIN_JSON);
  } else {
    console.error("[emulator] unexpected error", error);
    const message = error instanceof Error ? error.message : String(error);
    sendJson(ctx, 500, { error: { message: `Emulator bug: ${message}` } }, PLAIN_JSON);
  }
}
