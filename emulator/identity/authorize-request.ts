import type { AppRegistration } from "../state/app-registration";
import type { EmulatorState } from "../state/emulator-state";
import type { Tenant } from "../state/tenant";
import type { AadstsError } from "./aadsts-error";
import { aadsts } from "./aadsts-errors";
import { isWellFormedPkceValue } from "./pkce";

export interface AuthorizeRequest {
  tenant: Tenant;
  app: AppRegistration;
  redirectUri: string;
  responseMode: "query" | "form_post" | "fragment";
  state: string | null;
  nonce: string | null;
  scopes: string[];
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  loginHint: string;
}

/**
 * A refused /authorize request. Until the redirect URI is known to be
 * registered, Entra cannot send the error back to the app and shows it on its
 * own page; after that it redirects with `error` and `error_description`.
 */
export class AuthorizeError extends Error {
  constructor(
    readonly reason: AadstsError,
    readonly redirectTo?: { uri: string; state: string | null; mode: AuthorizeRequest["responseMode"] },
  ) {
    super(reason.message);
  }
}

export function parseAuthorizeRequest(stateStore: EmulatorState, tenantSegment: string, params: URLSearchParams): AuthorizeRequest {
  const tenant = stateStore.resolve(tenantSegment);
  if (!tenant) throw new AuthorizeError(aadsts.tenantNotFound(tenantSegment));
  const clientId = params.get("client_id");
  if (!clientId) throw new AuthorizeError(aadsts.missingParameter("client_id"));
  const app = tenant.findApp(clientId);
  if (!app) throw new AuthorizeError(aadsts.appNotFound(clientId, tenant.id));
  const redirectUri = params.get("redirect_uri") ?? (app.redirectUris.length === 1 ? app.redirectUris[0]! : null);
  if (!redirectUri) throw new AuthorizeError(aadsts.missingParameter("redirect_uri"));
  if (!app.acceptsRedirectUri(redirectUri)) throw new AuthorizeError(aadsts.redirectMismatch(redirectUri, app.clientId));

  const state = params.get("state");
  const requestedMode = params.get("response_mode") ?? "query";
  const responseMode = requestedMode === "form_post" || requestedMode === "fragment" ? requestedMode : "query";
  const refuse = (reason: AadstsError) => new AuthorizeError(reason, { uri: redirectUri, state, mode: responseMode });

  const responseType = params.get("response_type") ?? "";
  if (responseType !== "code") throw refuse(aadsts.unsupportedResponseType(responseType));
  const codeChallenge = params.get("code_challenge");
  const method = params.get("code_challenge_method") ?? (codeChallenge ? "plain" : null);
  if (method !== null && method !== "S256" && method !== "plain") throw refuse(aadsts.invalidCodeChallengeMethod(method));
  if (codeChallenge !== null && !isWellFormedPkceValue(codeChallenge)) throw refuse(aadsts.invalidCodeChallenge());

  return {
    tenant,
    app,
    redirectUri,
    responseMode,
    state,
    nonce: params.get("nonce"),
    scopes: (params.get("scope") ?? "").split(/\s+/).filter(Boolean),
    codeChallenge,
    codeChallengeMethod: codeChallenge ? (method as "S256" | "plain") : null,
    loginHint: params.get("login_hint") ?? "",
  };
}
