import { readForm } from "../http/read-body";
import type { RequestContext } from "../http/request-context";
import type { Handler } from "../http/router";
import { redirect, sendHtml } from "../http/send";
import type { EmulatorServices } from "../services";
import { verifyPassword } from "../state/passwords";
import type { AadstsError } from "./aadsts-error";
import { aadsts } from "./aadsts-errors";
import { AuthorizeError, parseAuthorizeRequest, type AuthorizeRequest } from "./authorize-request";
import { renderErrorPage, renderFormPost, renderSignInPage } from "./sign-in-page";

/**
 * GET shows the sign-in page; POST (the page's form, same URL and query)
 * checks the user name and password. A wrong password re-renders the page with
 * an error and issues nothing; success redirects to the app with code + state.
 */
export function authorizeEndpoint(services: EmulatorServices): Handler {
  return async (ctx) => {
    try {
      const request = parseAuthorizeRequest(services.state, ctx.params.tenant ?? "", ctx.url.searchParams);
      ctx.log.tenantId = request.tenant.id;
      ctx.log.clientId = request.app.clientId;
      if (ctx.req.method !== "POST") return showPage(ctx, request, request.loginHint);
      const form = await readForm(ctx.req);
      const login = (form.get("loginfmt") ?? "").trim();
      const refusal = checkCredentials(request, login, form.get("passwd") ?? "");
      if (refusal) return showPage(ctx, request, login, refusal);
      const user = request.tenant.users.findByUpn(login)!;
      const code = services.codes.issue({
        tenantId: request.tenant.id,
        clientId: request.app.clientId,
        userId: user.id,
        redirectUri: request.redirectUri,
        scopes: request.scopes,
        nonce: request.nonce,
        codeChallenge: request.codeChallenge,
        codeChallengeMethod: request.codeChallengeMethod,
      });
      respond(ctx, request.redirectUri, request.responseMode, {
        code,
        ...(request.state !== null ? { state: request.state } : {}),
        session_state: ctx.requestId,
      });
    } catch (error) {
      if (!(error instanceof AuthorizeError)) throw error;
      if (!error.redirectTo) return sendHtml(ctx, 400, renderErrorPage(error.reason.message));
      const { uri, state, mode } = error.redirectTo;
      respond(ctx, uri, mode, { error: error.reason.error, error_description: error.reason.message, ...(state !== null ? { state } : {}) });
    }
  };
}

function checkCredentials(request: AuthorizeRequest, login: string, password: string): AadstsError | undefined {
  const user = login ? request.tenant.users.findByUpn(login) : undefined;
  if (!user || user.state !== "active") return aadsts.userNotFound(login, request.tenant.id);
  if (!verifyPassword(password, user.passwordHash)) return aadsts.wrongPassword();
  if (!user.accountEnabled) return aadsts.userDisabled();
  return undefined;
}

function showPage(ctx: RequestContext, request: AuthorizeRequest, login: string, refusal?: AadstsError): void {
  const messages: Record<number, string> = {
    50034: "We couldn't find an account with that username.",
    50126: "Your account or password is incorrect.",
    50057: "Your account has been disabled. Contact your administrator.",
  };
  const error = refusal ? `${messages[refusal.code] ?? refusal.description} (AADSTS${refusal.code})` : undefined;
  const action = `${ctx.url.pathname}${ctx.url.search}`;
  sendHtml(ctx, 200, renderSignInPage({ action, tenantName: request.tenant.displayName, appName: request.app.displayName, login, error }));
}

function respond(ctx: RequestContext, redirectUri: string, mode: AuthorizeRequest["responseMode"], fields: Record<string, string>): void {
  if (mode === "form_post") return sendHtml(ctx, 200, renderFormPost(redirectUri, fields), { inlineScript: true });
  const target = new URL(redirectUri);
  const encoded = new URLSearchParams(fields).toString();
  if (mode === "fragment") target.hash = encoded;
  else for (const [name, value] of Object.entries(fields)) target.searchParams.set(name, value);
  redirect(ctx, target.toString());
}
