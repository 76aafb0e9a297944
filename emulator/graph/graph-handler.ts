import type { RequestContext } from "../http/request-context";
import type { Handler } from "../http/router";
import type { EmulatorServices } from "../services";
import { authenticateGraphRequest, type GraphCaller } from "./authenticate-graph-request";
import { GraphError } from "./graph-error";
import { requirePermission, type GraphOperation } from "./graph-permissions";
import { resourceUnitCost, resourceUnitQuota } from "./resource-unit-cost";

export type GraphHandler = (ctx: RequestContext, caller: GraphCaller) => void | Promise<void>;

/**
 * Wraps every Graph endpoint: bearer token (401), permission (403), then the
 * tenant's injected faults (a hold, latency, resource-unit throttling, 429 with
 * Retry-After, 503 bursts, a reset in the middle of the body), then the endpoint itself.
 */
export function graphHandler(services: EmulatorServices, operation: GraphOperation, handle: GraphHandler): Handler {
  return async (ctx) => {
    const caller = await authenticateGraphRequest(services, ctx);
    requirePermission(caller, operation);
    const faults = caller.tenant.faults;
    await faults.holdGraphRequest();
    const latencyMs = faults.latencyMs;
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    const retryAfter = faults.chargeResourceUnits(caller.clientId, resourceUnitCost("GET", ctx.url), caller.tenant.users.activeCount, resourceUnitQuota);
    if (retryAfter > 0) {
      ctx.log.fault = "throttle";
      throw new GraphError(429, "TooManyRequests", "Too many requests: resource unit limit exceeded.", {
        "retry-after": String(retryAfter),
        "x-ms-throttle-scope": `Tenant_Application/ReadWrite/${caller.clientId}/${caller.tenant.id}`,
        "x-ms-throttle-information": "ResourceUnitLimitExceeded",
      });
    }
    const fault = faults.nextGraphFault();
    if (fault?.kind === "throttle") {
      ctx.log.fault = "throttle";
      throw new GraphError(429, "TooManyRequests", "Please retry again later.", {
        "retry-after": String(fault.retryAfterSeconds),
        "x-ms-throttle-scope": `Tenant_Application/ReadWrite/${caller.clientId}/${caller.tenant.id}`,
        "x-ms-throttle-information": "ResourceUnitLimitExceeded",
      });
    }
    if (fault?.kind === "unavailable") {
      ctx.log.fault = "unavailable";
      const retryAfter: Record<string, string> = fault.retryAfterSeconds === undefined ? {} : { "retry-after": String(fault.retryAfterSeconds) };
      throw new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.", retryAfter);
    }
    if (fault?.kind === "reset") ctx.cutBodyMidway = true;
    await handle(ctx, caller);
  };
}

/** Headers Graph puts on every response; client-request-id echoes the client's when it sent one. */
export function graphHeaders(ctx: RequestContext): Record<string, string> {
  return { "request-id": ctx.requestId, "client-request-id": ctx.log.headers["client-request-id"] ?? ctx.requestId, "odata-version": "4.0" };
}

/** `@odata.context` as Graph writes it, with the selected properties when $select was used. */
export function odataContext(ctx: RequestContext, entitySet: string, select?: string[]): string {
  return `${ctx.origin}/v1.0/$metadata#${entitySet}${select ? `(${select.join(",")})` : ""}`;
}

/**
 * A nextLink on the same origin and version, keeping the request's query
 * options (with a literal `$` as Graph writes them) and replacing $skiptoken.
 */
export function nextLink(ctx: RequestContext, skiptoken: string, keep = true): string {
  const parts: string[] = [];
  if (keep) {
    for (const [name, value] of ctx.url.searchParams) {
      if (name !== "$skiptoken") parts.push(`${name}=${encodeURIComponent(value)}`);
    }
  }
  parts.push(`$skiptoken=${skiptoken}`);
  return `${ctx.origin}${ctx.url.pathname}?${parts.join("&")}`;
}
