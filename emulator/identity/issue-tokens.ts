import { SignJWT, type JWTPayload } from "jose";
import type { IdTokenFlaw } from "../faults/fault-settings";
import type { AppRegistration } from "../state/app-registration";
import type { Tenant } from "../state/tenant";
import type { UserRecord } from "../state/user-record";
import { flawedClaims, tamperWith } from "./flawed-id-token";
import type { SigningKey } from "./signing-key";
import {
  ACCESS_TOKEN_SECONDS,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  ID_TOKEN_SECONDS,
  accessTokenIssuer,
  idTokenIssuer,
  opaqueRh,
  pairwiseSubject,
  tokenId,
} from "./token-claims";

async function sign(key: SigningKey, payload: JWTPayload, version: "1.0" | "2.0"): Promise<string> {
  // v1 tokens carry x5t as well as kid, as Entra's Graph tokens do.
  const header = version === "1.0" ? { typ: "JWT", alg: "RS256", kid: key.kid, x5t: key.kid } : { typ: "JWT", alg: "RS256", kid: key.kid };
  return new SignJWT(payload).setProtectedHeader(header).sign(key.privateKey);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** App-only Graph token (client credentials): `roles` are the app's granted application permissions. */
export function issueAppToken(key: SigningKey, tenant: Tenant, app: AppRegistration): Promise<string> {
  const iat = nowSeconds();
  return sign(
    key,
    {
      aud: GRAPH_RESOURCE,
      iss: accessTokenIssuer(tenant.id),
      iat,
      nbf: iat,
      exp: iat + ACCESS_TOKEN_SECONDS,
      app_displayname: app.displayName,
      appid: app.clientId,
      appidacr: "1",
      idp: accessTokenIssuer(tenant.id),
      idtyp: "app",
      oid: app.servicePrincipalId,
      rh: opaqueRh(),
      roles: [...app.permissions].sort(),
      sub: app.servicePrincipalId,
      tenant_region_scope: "WW",
      tid: tenant.id,
      uti: tokenId(),
      ver: "1.0",
    },
    "1.0",
  );
}

/** Delegated Graph token for a signed-in person: `scp` lists the granted delegated scopes. */
export function issueUserAccessToken(key: SigningKey, tenant: Tenant, app: AppRegistration, user: UserRecord, scopes: string[]): Promise<string> {
  const iat = nowSeconds();
  return sign(
    key,
    {
      aud: GRAPH_APP_ID,
      iss: accessTokenIssuer(tenant.id),
      iat,
      nbf: iat,
      exp: iat + ACCESS_TOKEN_SECONDS,
      acr: "1",
      amr: ["pwd"],
      app_displayname: app.displayName,
      appid: app.clientId,
      appidacr: "1",
      family_name: user.surname ?? undefined,
      given_name: user.givenName ?? undefined,
      idtyp: "user",
      name: user.displayName,
      oid: user.id,
      rh: opaqueRh(),
      scp: scopes.join(" "),
      sub: pairwiseSubject(user.id, GRAPH_APP_ID),
      tenant_region_scope: "WW",
      tid: tenant.id,
      unique_name: user.userPrincipalName,
      upn: user.userPrincipalName,
      uti: tokenId(),
      ver: "1.0",
    },
    "1.0",
  );
}

/**
 * The v2.0 id_token, claim for claim as Entra issues it: `oid`, `name` and
 * `preferred_username` with the profile scope, `email` with the email scope
 * (and only when the user has a mail address), `nonce` echoed from /authorize.
 * A `flaw` (fault injection) spoils it in one way a relying party must catch.
 */
export async function issueIdToken(
  key: SigningKey,
  origin: string,
  tenant: Tenant,
  app: AppRegistration,
  user: UserRecord,
  scopes: string[],
  nonce: string | null,
  flaw?: IdTokenFlaw,
): Promise<string> {
  const iat = nowSeconds();
  const profile = scopes.includes("profile");
  const claims: JWTPayload = {
    aud: app.clientId,
    iss: idTokenIssuer(origin, tenant.id),
    iat,
    nbf: iat,
    exp: iat + ID_TOKEN_SECONDS,
    email: scopes.includes("email") ? (user.mail ?? undefined) : undefined,
    name: profile ? user.displayName : undefined,
    nonce: nonce ?? undefined,
    oid: profile ? user.id : undefined,
    preferred_username: profile ? user.userPrincipalName : undefined,
    rh: opaqueRh(),
    sub: pairwiseSubject(user.id, app.clientId),
    tid: tenant.id,
    uti: tokenId(),
    ver: "2.0",
  };
  const token = await sign(key, flawedClaims(claims, flaw, origin), "2.0");
  return flaw === "tampered" ? tamperWith(token) : token;
}
