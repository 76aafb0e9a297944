import type { AppRegistration } from "../state/app-registration";
import type { Tenant } from "../state/tenant";
import type { AuthorizationCodes } from "./authorization-codes";
import type { SigningKey } from "./signing-key";
import { aadsts } from "./aadsts-errors";
import { issueIdToken, issueUserAccessToken } from "./issue-tokens";
import { pkceMatches } from "./pkce";
import { grantedScopeString, parseScopes } from "./scopes";
import { ACCESS_TOKEN_SECONDS } from "./token-claims";

export interface CodeGrantInput {
  key: SigningKey;
  codes: AuthorizationCodes;
  origin: string;
  tenant: Tenant;
  app: AppRegistration;
  form: URLSearchParams;
}

/**
 * Redeems an authorization code from the sign-in page: single use (54005 on
 * replay), ten minutes (70008), same client and redirect URI, and the PKCE
 * verifier when /authorize carried a challenge (501481).
 */
export async function authorizationCodeGrant({ key, codes, origin, tenant, app, form }: CodeGrantInput) {
  const code = form.get("code");
  if (!code) throw aadsts.missingParameter("code");
  const redirectUri = form.get("redirect_uri");
  if (!redirectUri) throw aadsts.missingParameter("redirect_uri");
  const grant = codes.find(code);
  if (!grant || grant.tenantId !== tenant.id) throw aadsts.invalidCode();
  if (grant.redeemed) throw aadsts.codeRedeemed();
  if (grant.expiresAt < Date.now()) throw aadsts.codeExpired();
  if (grant.clientId !== app.clientId) throw aadsts.codeForAnotherClient();
  if (grant.redirectUri !== redirectUri) throw aadsts.codeRedirectMismatch();
  if (grant.codeChallenge) {
    const verifier = form.get("code_verifier");
    if (!verifier) throw aadsts.pkceMissing();
    if (!pkceMatches(verifier, grant.codeChallenge, grant.codeChallengeMethod ?? "plain")) throw aadsts.pkceMismatch();
  }
  grant.redeemed = true;

  const user = tenant.users.find(grant.userId);
  if (!user || user.state !== "active") throw aadsts.userNotFound(grant.userId, tenant.id);
  if (!user.accountEnabled) throw aadsts.userDisabled();
  const scopes = parseScopes(grant.scopes.join(" "));
  const body: Record<string, string | number> = {
    token_type: "Bearer",
    scope: grantedScopeString(scopes),
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: await issueUserAccessToken(key, tenant, app, user, scopes.graph),
  };
  if (scopes.oidc.includes("openid")) {
    body.id_token = await issueIdToken(key, origin, tenant, app, user, scopes.oidc, grant.nonce, tenant.faults.idTokenFlaw);
  }
  if (form.get("client_info") === "1") {
    body.client_info = Buffer.from(JSON.stringify({ uid: user.id, utid: tenant.id })).toString("base64url");
  }
  return body;
}
