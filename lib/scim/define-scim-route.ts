import "server-only";
import { logger } from "@/lib/logger";
import { recordScimRequest } from "./request-log";
import type { ScimContext } from "./scim-context";
import { ScimError } from "./scim-error";
import { scimErrorResponse } from "./scim-json";
import { authenticateScimToken } from "./tokens";

type RouteContext<P> = { params: Promise<P> };

/**
 * The one way a SCIM route is written: bearer token → customer, then the
 * handler; every request is recorded (method, path, operation, status) and
 * every error answered in SCIM's shape. A wrong or revoked token is 401 and
 * reaches no customer's data. Nothing here logs a token or a body.
 */
export function defineScimRoute<P = Record<string, string>>(
  operation: string,
  handler: (ctx: { scim: ScimContext; request: Request; params: P; query: URLSearchParams }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const url = new URL(request.url);
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
    const scim = bearer ? await authenticateScimToken(bearer) : null;
    if (!scim) return scimErrorResponse(new ScimError(401, "A valid bearer token is required."));
    let response: Response;
    let detail: string | null = null;
    try {
      response = await handler({ scim, request, params: await context.params, query: url.searchParams });
    } catch (error) {
      const scimError = error instanceof ScimError ? error : null;
      if (!scimError) logger.error({ err: error, operation, customerId: scim.customerId }, "SCIM request failed");
      detail = scimError?.detail ?? "internal error";
      response = scimErrorResponse(scimError ?? new ScimError(500, "The request could not be processed."));
    }
    await recordScimRequest(scim, {
      method: request.method,
      path: url.pathname.replace(/^\/api\/scim\/v2/, ""),
      operation,
      status: response.status,
      detail,
    }).catch((error: unknown) => logger.error({ err: error }, "SCIM request could not be recorded"));
    return response;
  };
}
