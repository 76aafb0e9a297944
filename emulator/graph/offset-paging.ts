import type { RequestContext } from "../http/request-context";
import type { EmulatorServices } from "../services";
import type { Tenant } from "../state/tenant";
import { expiredPageToken } from "./graph-error";
import { nextLink } from "./graph-handler";

interface OffsetCursor {
  k: "offset";
  t: string;
  e: number;
  /** The path the cursor belongs to, so it cannot be replayed against another collection. */
  p: string;
  o: number;
}

/**
 * Paging for the small collections (groups, group members): a position in a
 * list the emulator already holds. Users use slot cursors instead; see
 * list-users.ts.
 */
export function pageByOffset<T>(services: EmulatorServices, ctx: RequestContext, tenant: Tenant, items: readonly T[], top: number) {
  const raw = ctx.url.searchParams.get("$skiptoken");
  let start = 0;
  if (raw !== null) {
    const cursor = services.pageTokens.decode<OffsetCursor>(raw);
    if (!cursor || cursor.k !== "offset" || cursor.t !== tenant.id || cursor.e !== tenant.deltaEpoch || cursor.p !== ctx.url.pathname.toLowerCase()) {
      throw expiredPageToken();
    }
    start = cursor.o;
  }
  const end = Math.min(items.length, start + top);
  const token: OffsetCursor = { k: "offset", t: tenant.id, e: tenant.deltaEpoch, p: ctx.url.pathname.toLowerCase(), o: end };
  return { page: items.slice(start, end), nextLink: end < items.length ? nextLink(ctx, services.pageTokens.encode(token)) : undefined };
}
