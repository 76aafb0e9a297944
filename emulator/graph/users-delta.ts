import type { RequestContext } from "../http/request-context";
import { sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import type { UserRecord } from "../state/user-record";
import type { GraphCaller } from "./authenticate-graph-request";
import { type ChangePageToken, type InitialPageToken, readDeltaToken } from "./delta-tokens";
import { unsupportedQuery } from "./graph-error";
import { graphHeaders, odataContext } from "./graph-handler";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./odata-params";
import { DEFAULT_USER_SELECT, DELTA_NAVIGATION_PROPERTIES } from "./user-properties";
import { canonicalList, projector } from "./user-select";

type Round = InitialPageToken | ChangePageToken;

/** Slots or log entries one request may walk past (deleted users, superseded changes) before it answers. */
const SCAN_BUDGET = 200_000;

/**
 * GET /v1.0/users/delta. First round: current users page by page, then a
 * deltaLink. Later rounds (from a deltaLink): only users changed since it, in
 * change order, each once per round in its latest state; soft-deleted users as
 * `@removed: changed`, hard-deleted as `@removed: deleted`. A deltaLink can be
 * replayed, which redelivers the same changes, as Graph may. `$top` is
 * ignored (as on Graph); `Prefer: odata.maxpagesize` sets the page size.
 */
export function usersDelta(services: EmulatorServices) {
  return (ctx: RequestContext, caller: GraphCaller) => {
    const params = ctx.url.searchParams;
    const tenant = caller.tenant;
    const users = tenant.users;
    if (params.has("$filter") || params.has("$expand")) throw unsupportedQuery("The emulator's users/delta accepts $select only.");
    const common = { t: tenant.id, e: tenant.deltaEpoch, iat: Date.now() };
    let round: Round;
    const skiptoken = params.get("$skiptoken");
    const deltatoken = params.get("$deltatoken");
    if (skiptoken !== null) {
      round = readDeltaToken(ctx, services.pageTokens, tenant, skiptoken, ["delta-initial", "delta-changes"]);
    } else if (deltatoken?.toLowerCase() === "latest") {
      // "Sync from now": no data, just a deltaLink at the current position.
      const select = params.has("$select") ? deltaSelect(params.get("$select")!) : null;
      return send(ctx, { s: select, value: [], deltaLink: services.pageTokens.encode({ ...common, k: "delta-link", from: users.lastSeq, s: select }) });
    } else if (deltatoken !== null) {
      const link = readDeltaToken(ctx, services.pageTokens, tenant, deltatoken, ["delta-link"]);
      round = { ...common, k: "delta-changes", s: link.s, from: link.from, end: users.lastSeq, q: link.from + 1 };
    } else {
      const select = params.has("$select") ? deltaSelect(params.get("$select")!) : null;
      round = { ...common, k: "delta-initial", s: select, end: users.lastSeq, last: users.slotCount, o: 0 };
    }

    const project = deltaProjector(round.s ?? DEFAULT_USER_SELECT);
    const size = maxPageSize(ctx);
    const value: Record<string, unknown>[] = [];
    let budget = SCAN_BUDGET;
    if (round.k === "delta-initial") {
      while (round.o < round.last && value.length < size && budget-- > 0) {
        const user = users.slotAt(round.o++)!;
        if (user.state === "active") value.push(project(user));
      }
      const done = round.o >= round.last;
      const link = done
        ? { deltaLink: services.pageTokens.encode({ ...common, k: "delta-link", from: round.end, s: round.s }) }
        : { nextLink: services.pageTokens.encode(round) };
      return send(ctx, { s: round.s, value, ...link });
    }
    while (round.q <= round.end && value.length < size && budget-- > 0) {
      const seq = round.q++;
      const user = users.userAtSeq(seq)!;
      // A later change in this same round will report the user; report it there, once.
      if (user.changeSeq > seq && user.changeSeq <= round.end) continue;
      value.push(representation(user, project));
    }
    const done = round.q > round.end;
    const link = done
      ? { deltaLink: services.pageTokens.encode({ ...common, k: "delta-link", from: round.end, s: round.s }) }
      : { nextLink: services.pageTokens.encode(round) };
    send(ctx, { s: round.s, value, ...link });
  };
}

/**
 * A delta `$select`: user properties, and the manager, which Graph tracks in
 * delta when selected. Properties keep Graph's spelling; the manager goes last.
 */
function deltaSelect(raw: string): string[] {
  const names = raw.split(",").map((name) => name.trim());
  const navigation = DELTA_NAVIGATION_PROPERTIES.filter((nav) => names.some((name) => name.toLowerCase() === nav));
  const rest = names.filter((name) => !navigation.some((nav) => nav === name.toLowerCase()));
  // canonicalList words an empty or malformed list as Graph does; only the manager alone leaves nothing to check.
  return [...(rest.length > 0 || navigation.length === 0 ? canonicalList(rest.join(",")) : []), ...navigation];
}

type DeltaProjector = (user: UserRecord) => Record<string, unknown>;

/**
 * Items with the selected properties and, when the manager is selected, the
 * manager as Graph reports it in delta: `manager@delta`, a list holding the
 * manager as a directory object. A user without one has none. A change of
 * manager is a change of the user (UserDirectory.update records it), so the
 * user appears in the next round.
 */
function deltaProjector(select: readonly string[]): DeltaProjector {
  const tracksManager = select.includes("manager");
  const project = projector(withId(select.filter((name) => name !== "manager")));
  if (!tracksManager) return (user) => project(user);
  return (user) => {
    const item = project(user);
    if (user.managerId) item["manager@delta"] = [{ "@odata.type": "#microsoft.graph.user", id: user.managerId }];
    return item;
  };
}

function representation(user: UserRecord, project: DeltaProjector): Record<string, unknown> {
  if (user.state === "softDeleted") return { id: user.id, "@removed": { reason: "changed" } };
  if (user.state === "hardDeleted") return { id: user.id, "@removed": { reason: "deleted" } };
  return project(user);
}

/** Delta items always carry `id`, selected or not: a client cannot apply a change without it. */
function withId(select: readonly string[]): string[] {
  return select.includes("id") ? [...select] : [...select, "id"];
}

function maxPageSize(ctx: RequestContext): number {
  const match = /odata\.maxpagesize=(\d+)/i.exec(String(ctx.req.headers.prefer ?? ""));
  const requested = match ? Number(match[1]) : DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(requested, 1), MAX_PAGE_SIZE);
}

interface DeltaPage {
  s: string[] | null;
  value: Record<string, unknown>[];
  nextLink?: string;
  deltaLink?: string;
}

function send(ctx: RequestContext, page: DeltaPage): void {
  const base = `${ctx.origin}${ctx.url.pathname}`;
  const body: Record<string, unknown> = { "@odata.context": odataContext(ctx, "users", page.s ?? undefined) };
  if (page.nextLink) body["@odata.nextLink"] = `${base}?$skiptoken=${page.nextLink}`;
  if (page.deltaLink) body["@odata.deltaLink"] = `${base}?$deltatoken=${page.deltaLink}`;
  body.value = page.value;
  if (/odata\.maxpagesize/i.test(String(ctx.req.headers.prefer ?? ""))) {
    ctx.res.setHeader("preference-applied", `odata.maxpagesize=${maxPageSize(ctx)}`);
  }
  sendJson(ctx, 200, body, graphHeaders(ctx));
}
