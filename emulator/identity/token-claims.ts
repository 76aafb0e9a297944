import { createHash, randomBytes } from "node:crypto";

/** Graph's application ID: the audience of delegated Graph tokens. */
export const GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";
/** The audience of app-only Graph tokens. */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

/** Access tokens are valid about an hour; without `expires_in` msal-node would never cache them. */
export const ACCESS_TOKEN_SECONDS = 3599;
export const ID_TOKEN_SECONDS = 3600;

/** Graph tokens are v1.0 tokens issued by sts.windows.net, whatever endpoint issued them. */
export function accessTokenIssuer(tenantId: string): string {
  return `https://sts.windows.net/${tenantId}/`;
}

/** The v2.0 issuer: identical to the discovery document's `issuer` for the same origin. */
export function idTokenIssuer(origin: string, tenantId: string): string {
  return `${origin}/${tenantId}/v2.0`;
}

/**
 * `sub` is pairwise in Entra: the same person has a different, stable `sub`
 * in each app. That is why the portal must key people by `tid` + `oid`.
 */
export function pairwiseSubject(objectId: string, clientId: string): string {
  return createHash("sha256").update(`${objectId}:${clientId}`).digest("base64url").slice(0, 43);
}

/** `uti` (token ID) and `rh` are opaque to clients; random values of the right look. */
export function tokenId(): string {
  return randomBytes(16).toString("base64url").slice(0, 22);
}

export function opaqueRh(): string {
  return `0.${randomBytes(36).toString("base64url")}.`;
}
