import type { RequestContext } from "../http/request-context";
import { sendJson, sendText } from "../http/send";
import { isGuid } from "../state/ids";
import type { Tenant } from "../state/tenant";
import type { UserRecord } from "../state/user-record";
import type { GraphCaller } from "./authenticate-graph-request";
import { countMatching } from "./count-matching";
import { GraphError, badRequest, resourceNotFound, unsupportedQuery } from "./graph-error";
import { graphHeaders, odataContext } from "./graph-handler";
import { compileFilter } from "./odata-filter";
import { eventual } from "./odata-params";
import { USER_FILTER_SCHEMA } from "./user-filter-schema";
import { DEFAULT_USER_SELECT } from "./user-properties";
import { parseUserShape, projector } from "./user-select";

/** A live user by object ID or UPN, as /users/{id | userPrincipalName} accepts both. Deleted users are 404. */
export function findLiveUser(tenant: Tenant, idOrUpn: string): UserRecord {
  const user = isGuid(idOrUpn) ? tenant.users.find(idOrUpn) : tenant.users.findByUpn(idOrUpn);
  if (!user || user.state !== "active") throw resourceNotFound(idOrUpn);
  return user;
}

function sendUser(ctx: RequestContext, tenant: Tenant, user: UserRecord): void {
  const shape = parseUserShape(ctx.url.searchParams, { allowExpand: true });
  const body = {
    "@odata.context": `${odataContext(ctx, "users", shape.explicit ? shape.select : undefined)}/$entity`,
    ...shape.project(user, (id) => tenant.users.find(id)),
  };
  sendJson(ctx, 200, body, graphHeaders(ctx));
}

/** GET /v1.0/users/{id} */
export function getUser(ctx: RequestContext, caller: GraphCaller): void {
  sendUser(ctx, caller.tenant, findLiveUser(caller.tenant, ctx.params.id ?? ""));
}

/** GET /v1.0/me: delegated tokens only, as in Graph. */
export function getMe(ctx: RequestContext, caller: GraphCaller): void {
  if (!caller.userId) throw badRequest("/me request is only valid with delegated authentication flow.");
  sendUser(ctx, caller.tenant, findLiveUser(caller.tenant, caller.userId));
}

/** GET /v1.0/users/{id}/manager: the manager as a directoryObject, 404 when there is none. */
export function getManager(ctx: RequestContext, caller: GraphCaller): void {
  const user = findLiveUser(caller.tenant, ctx.params.id ?? "");
  const manager = user.managerId ? caller.tenant.users.find(user.managerId) : undefined;
  if (!manager || manager.state !== "active") {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      "Resource 'manager' does not exist or one of its queried reference-property objects are not present.",
    );
  }
  const body = {
    "@odata.context": odataContext(ctx, "directoryObjects/$entity"),
    "@odata.type": "#microsoft.graph.user",
    ...projector(DEFAULT_USER_SELECT)(manager),
  };
  sendJson(ctx, 200, body, graphHeaders(ctx));
}

/** GET /v1.0/users/$count: a plain-text number; only with ConsistencyLevel: eventual. */
export function countUsers(ctx: RequestContext, caller: GraphCaller): void {
  if (!eventual(ctx.req.headers)) {
    throw unsupportedQuery(
      "Raw count (/$count) is not supported because the 'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more information",
    );
  }
  const raw = ctx.url.searchParams.get("$filter");
  const filter = raw === null ? undefined : compileFilter(raw, USER_FILTER_SCHEMA, true);
  sendText(ctx, 200, String(countMatching(caller.tenant.users, filter)), graphHeaders(ctx));
}
