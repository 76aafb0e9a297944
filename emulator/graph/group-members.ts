import type { RequestContext } from "../http/request-context";
import { sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import type { DirectoryMember } from "../state/group-directory";
import type { GraphCaller } from "./authenticate-graph-request";
import { badRequest, resourceNotFound } from "./graph-error";
import { graphHeaders, odataContext } from "./graph-handler";
import { DEFAULT_GROUP_SELECT, canonicalGroupProperty, groupProjector } from "./group-properties";
import { parseTop, rejectUnsupportedOptions, splitList } from "./odata-params";
import { pageByOffset } from "./offset-paging";
import { DEFAULT_USER_SELECT, canonicalUserProperty } from "./user-properties";
import { projector } from "./user-select";

/**
 * GET /v1.0/groups/{id}/members and /transitiveMembers (nested groups
 * expanded, each object once), optionally cast to `/microsoft.graph.user` or
 * `/microsoft.graph.group`. Items are directoryObjects carrying @odata.type.
 */
export function groupMembers(services: EmulatorServices, options: { transitive: boolean; only?: "user" | "group" }) {
  return (ctx: RequestContext, caller: GraphCaller) => {
    const params = ctx.url.searchParams;
    rejectUnsupportedOptions(params);
    const top = parseTop(params);
    const groups = caller.tenant.groups;
    const group = groups.find(ctx.params.id ?? "");
    if (!group) throw resourceNotFound(ctx.params.id ?? "");
    const all = options.transitive ? groups.transitiveMembers(group.id) : directMembers(caller, group.memberIds);
    const members = options.only ? all.filter((member) => member.kind === options.only) : all;
    const render = renderer(params.get("$select"));
    const { page, nextLink } = pageByOffset(services, ctx, caller.tenant, members, top);
    const body: Record<string, unknown> = { "@odata.context": odataContext(ctx, options.only === "user" ? "users" : "directoryObjects") };
    if (nextLink) body["@odata.nextLink"] = nextLink;
    body.value = page.map(render);
    sendJson(ctx, 200, body, graphHeaders(ctx));
  };
}

function directMembers(caller: GraphCaller, ids: Set<string>): DirectoryMember[] {
  const members: DirectoryMember[] = [];
  for (const id of ids) {
    const nested = caller.tenant.groups.find(id);
    if (nested) members.push({ kind: "group", group: nested });
    const user = nested ? undefined : caller.tenant.users.find(id);
    if (user?.state === "active") members.push({ kind: "user", user });
  }
  return members;
}

/** $select across both types: a name must exist on user or group; each item gets the names valid for its type. */
function renderer(rawSelect: string | null): (member: DirectoryMember) => Record<string, unknown> {
  let userSelect = DEFAULT_USER_SELECT;
  let groupSelect = DEFAULT_GROUP_SELECT;
  if (rawSelect !== null) {
    const names = splitList(rawSelect, "$select");
    for (const name of names) {
      if (!canonicalUserProperty(name) && !canonicalGroupProperty(name)) {
        throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.directoryObject'.`);
      }
    }
    userSelect = names.flatMap((name) => canonicalUserProperty(name) ?? []);
    groupSelect = names.flatMap((name) => canonicalGroupProperty(name) ?? []);
  }
  const user = projector(userSelect);
  const group = groupProjector(groupSelect);
  return (member) =>
    member.kind === "user"
      ? { "@odata.type": "#microsoft.graph.user", ...user(member.user) }
      : { "@odata.type": "#microsoft.graph.group", ...group(member.group) };
}
