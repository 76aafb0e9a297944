import type { RequestContext } from "../http/request-context";
import type { PageTokenCodec } from "./page-token-codec";
import type { Tenant } from "../state/tenant";
import { DELTA_TOKEN_LIFETIME_MS } from "../state/tenant";
import { GraphError } from "./graph-error";

interface Common {
  t: string;
  e: number;
  /** Selected properties, fixed by the first request of the round; null = Graph's defaults. */
  s: string[] | null;
  /** Issued at (ms): delta links older than seven days are refused. */
  iat: number;
}

/** Initial round: walk slot ordinals [o, last) for users that existed when the round began (sequence `end`). */
export type InitialPageToken = Common & { k: "delta-initial"; end: number; last: number; o: number };
/** Change round: walk change sequence numbers (q..end] reporting changes after `from`. */
export type ChangePageToken = Common & { k: "delta-changes"; from: number; end: number; q: number };
/** A delta link: "everything after sequence `from`". */
export type DeltaLinkToken = Common & { k: "delta-link"; from: number };

export type DeltaToken = InitialPageToken | ChangePageToken | DeltaLinkToken;

/**
 * Decodes a $skiptoken or $deltatoken and checks it belongs to the caller's
 * tenant and is still valid. Unknown or forged tokens and links older than
 * seven days answer 400 syncStateNotFound; tokens invalidated through the admin
 * API answer as the tenant is configured to (400, or 410 Gone with Location).
 */
export function readDeltaToken<K extends DeltaToken["k"]>(
  ctx: RequestContext,
  codec: PageTokenCodec,
  tenant: Tenant,
  raw: string,
  kinds: readonly K[],
): Extract<DeltaToken, { k: K }> {
  const token = codec.decode<DeltaToken>(raw);
  if (!token || !(kinds as readonly string[]).includes(token.k) || token.t !== tenant.id) throw syncStateNotFound();
  if (token.e !== tenant.deltaEpoch && tenant.deltaExpiry === "gone") throw resyncRequired(ctx, token.s);
  if (token.e !== tenant.deltaEpoch || Date.now() - token.iat > DELTA_TOKEN_LIFETIME_MS) throw syncStateNotFound();
  return token as Extract<DeltaToken, { k: K }>;
}

export function syncStateNotFound(): GraphError {
  return new GraphError(400, "syncStateNotFound", "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
}

/** 410 Gone whose Location is a fresh initial delta request with the round's $select. */
function resyncRequired(ctx: RequestContext, select: string[] | null): GraphError {
  const location = `${ctx.origin}${ctx.url.pathname}${select ? `?$select=${select.join(",")}` : ""}`;
  return new GraphError(410, "resyncRequired", "The delta token is no longer valid. Start a full synchronization from the URL in the Location header.", {
    location,
  });
}
