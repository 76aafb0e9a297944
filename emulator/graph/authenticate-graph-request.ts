import { errors, jwtVerify, type JWTPayload } from "jose";
import type { RequestContext } from "../http/request-context";
import { accessTokenIssuer, GRAPH_APP_ID, GRAPH_RESOURCE } from "../identity/token-claims";
import type { EmulatorServices } from "../services";
import type { Tenant } from "../state/tenant";
import { invalidToken } from "./graph-error";

export interface GraphCaller {
  tenant: Tenant;
  clientId: string;
  roles: string[];
  scopes: string[];
  /** The signed-in person for delegated tokens; null for app-only tokens. */
  userId: string | null;
}

type VerifiedTokens = Map<string, { payload: JWTPayload; expiresAt: number }>;
/** One cache per signing key, so emulators with different keys in one process never share verdicts. */
const caches = new WeakMap<object, VerifiedTokens>();
const CACHE_LIMIT = 5_000;

/**
 * Checks the bearer token as Graph does: our signature, a Graph audience, the
 * v1 issuer of the token's own tenant, not expired. The tenant in the token is
 * the only tenant the request can see. Verified tokens are cached (until they
 * expire) because a sync sends the same token with every page.
 */
export async function authenticateGraphRequest(services: EmulatorServices, ctx: RequestContext): Promise<GraphCaller> {
  const header = ctx.req.headers.authorization ?? "";
  const token = /^Bearer\s+(.+)$/i.exec(header)?.[1]?.trim();
  if (!token) throw invalidToken("Access token is empty.");
  const payload = await verify(services, token);
  const tid = String(payload.tid ?? "");
  const tenant = services.state.resolve(tid);
  if (!tenant || payload.iss !== accessTokenIssuer(tenant.id)) throw invalidToken("Access token validation failure. Invalid issuer.");
  const caller: GraphCaller = {
    tenant,
    clientId: String(payload.appid ?? ""),
    roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
    scopes: typeof payload.scp === "string" ? payload.scp.split(" ") : [],
    userId: payload.idtyp === "user" && typeof payload.oid === "string" ? payload.oid : null,
  };
  ctx.log.tenantId = tenant.id;
  ctx.log.clientId = caller.clientId;
  return caller;
}

async function verify(services: EmulatorServices, token: string): Promise<JWTPayload> {
  let verified = caches.get(services.signingKey);
  if (!verified) caches.set(services.signingKey, (verified = new Map()));
  const cached = verified.get(token);
  if (cached && cached.expiresAt > Date.now()) return cached.payload;
  if (token.split(".").length !== 3) {
    throw invalidToken("IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format.");
  }
  try {
    const { payload } = await jwtVerify(token, services.signingKey.publicKey, { algorithms: ["RS256"], audience: [GRAPH_RESOURCE, GRAPH_APP_ID] });
    if (verified.size >= CACHE_LIMIT) verified.clear();
    verified.set(token, { payload, expiresAt: (payload.exp ?? 0) * 1000 });
    return payload;
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw invalidToken("Lifetime validation failed, the token is expired.");
    if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") throw invalidToken("Access token validation failure. Invalid audience.");
    throw invalidToken("Access token validation failure.");
  }
}
