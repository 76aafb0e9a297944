import type { RequestContext } from "../http/request-context";
import { sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import type { GraphCaller } from "./authenticate-graph-request";
import { resourceNotFound } from "./graph-error";
import { graphHeaders, odataContext } from "./graph-handler";
import { GROUP_FILTER_SCHEMA, groupProjector, parseGroupSelect } from "./group-properties";
import { compileFilter } from "./odata-filter";
import { eventual, isAdvancedQuery, parseTop, rejectUnsupportedOptions } from "./odata-params";
import { pageByOffset } from "./offset-paging";

/** GET /v1.0/groups: $select, $filter, $top, $count, paged with $skiptoken. */
export function listGroups(services: EmulatorServices) {
  return (ctx: RequestContext, caller: GraphCaller) => {
    const params = ctx.url.searchParams;
    rejectUnsupportedOptions(params);
    const top = parseTop(params);
    const { select, explicit } = parseGroupSelect(params.get("$select"));
    const raw = params.get("$filter");
    const filter = raw === null ? undefined : compileFilter(raw, GROUP_FILTER_SCHEMA, isAdvancedQuery(params, ctx.req.headers));
    const groups = caller.tenant.groups.list().filter((group) => !filter || filter.test(group));
    const { page, nextLink } = pageByOffset(services, ctx, caller.tenant, groups, top);
    const body: Record<string, unknown> = { "@odata.context": odataContext(ctx, "groups", explicit ? select : undefined) };
    if (!params.has("$skiptoken") && params.get("$count")?.toLowerCase() === "true" && eventual(ctx.req.headers)) body["@odata.count"] = groups.length;
    if (nextLink) body["@odata.nextLink"] = nextLink;
    body.value = page.map(groupProjector(select));
    sendJson(ctx, 200, body, graphHeaders(ctx));
  };
}

/** GET /v1.0/groups/{id} */
export function getGroup(ctx: RequestContext, caller: GraphCaller): void {
  const group = caller.tenant.groups.find(ctx.params.id ?? "");
  if (!group) throw resourceNotFound(ctx.params.id ?? "");
  const { select, explicit } = parseGroupSelect(ctx.url.searchParams.get("$select"));
  sendJson(
    ctx,
    200,
    { "@odata.context": `${odataContext(ctx, "groups", explicit ? select : undefined)}/$entity`, ...groupProjector(select)(group) },
    graphHeaders(ctx),
  );
}
