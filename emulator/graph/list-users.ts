import type { RequestContext } from "../http/request-context";
import { sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import { isGuid } from "../state/ids";
import type { Tenant } from "../state/tenant";
import type { UserRecord } from "../state/user-record";
import type { GraphCaller } from "./authenticate-graph-request";
import { countMatching } from "./count-matching";
import { expiredPageToken } from "./graph-error";
import { graphHeaders, nextLink, odataContext } from "./graph-handler";
import { compileFilter, type CompiledFilter } from "./odata-filter";
import { eventual, isAdvancedQuery, parseTop, rejectUnsupportedOptions } from "./odata-params";
import { USER_FILTER_SCHEMA } from "./user-filter-schema";
import { parseUserShape } from "./user-select";

interface UsersCursor {
  k: "users";
  t: string;
  e: number;
  /** The next slot ordinal to look at. */
  o: number;
}

/**
 * A filtered page stops after this many slots even if it is not full, and
 * hands out a nextLink: a request's cost stays bounded on a million users,
 * and clients meet the "a page may be empty" case that Graph allows.
 */
const SCAN_BUDGET = 200_000;

/** GET /v1.0/users: $select, $expand=manager, $top (1-999, default 100), $filter, $count, $skiptoken. */
export function listUsers(services: EmulatorServices) {
  return (ctx: RequestContext, caller: GraphCaller) => {
    const params = ctx.url.searchParams;
    rejectUnsupportedOptions(params);
    const top = parseTop(params);
    const shape = parseUserShape(params, { allowExpand: true });
    const rawFilter = params.get("$filter");
    const filter = rawFilter === null ? undefined : compileFilter(rawFilter, USER_FILTER_SCHEMA, isAdvancedQuery(params, ctx.req.headers));
    const tenant = caller.tenant;
    const start = readCursor(services, tenant, params.get("$skiptoken"));

    const { page, next } = collectPage(tenant, start, top, filter);
    const body: Record<string, unknown> = { "@odata.context": odataContext(ctx, "users", shape.explicit ? shape.select : undefined) };
    // Like Graph, $count is honoured only as an advanced query, and reported with the first page.
    if (start === 0 && params.get("$count")?.toLowerCase() === "true" && eventual(ctx.req.headers)) {
      body["@odata.count"] = countMatching(tenant.users, filter);
    }
    if (next !== null) {
      body["@odata.nextLink"] = nextLink(ctx, services.pageTokens.encode({ k: "users", t: tenant.id, e: tenant.deltaEpoch, o: next } satisfies UsersCursor));
    }
    const managerOf = (id: string) => tenant.users.find(id);
    body.value = page.map((user) => shape.project(user, managerOf));
    sendJson(ctx, 200, body, graphHeaders(ctx));
  };
}

function readCursor(services: EmulatorServices, tenant: Tenant, skiptoken: string | null): number {
  if (skiptoken === null) return 0;
  const cursor = services.pageTokens.decode<UsersCursor>(skiptoken);
  if (!cursor || cursor.k !== "users" || cursor.t !== tenant.id || cursor.e !== tenant.deltaEpoch) throw expiredPageToken();
  return cursor.o;
}

/** Walks slots from the cursor; an equality filter on id or UPN uses the index instead. */
function collectPage(tenant: Tenant, start: number, top: number, filter?: CompiledFilter<UserRecord>) {
  const users = tenant.users;
  const equality = filter?.equality;
  if (equality && typeof equality.value === "string" && (equality.property === "userPrincipalName" || equality.property === "id")) {
    const value = equality.value;
    const found = equality.property === "id" ? (isGuid(value) ? users.find(value) : undefined) : users.findByUpn(value);
    return { page: found?.state === "active" && start === 0 ? [found] : [], next: null };
  }
  const page: UserRecord[] = [];
  let ordinal = start;
  const stopAt = Math.min(users.slotCount, start + SCAN_BUDGET);
  while (ordinal < stopAt && page.length < top) {
    const user = users.slotAt(ordinal++)!;
    if (user.state === "active" && (!filter || filter.test(user))) page.push(user);
  }
  return { page, next: ordinal < users.slotCount ? ordinal : null };
}
