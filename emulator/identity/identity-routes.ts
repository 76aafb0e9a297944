import type { Router } from "../http/router";
import { PLAIN_JSON, redirect, sendHtml, sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import { authorizeEndpoint } from "./authorize-endpoint";
import { discoveryDocument } from "./discovery-document";
import { resolveTenant } from "./resolve-tenant";
import { renderNoticePage } from "./sign-in-page";
import { tokenEndpoint } from "./token-endpoint";
import { userinfoEndpoint } from "./userinfo-endpoint";

/** The Microsoft identity platform (v2.0) endpoints, on the same paths as login.microsoftonline.com. */
export function registerIdentityRoutes(router: Router, services: EmulatorServices): void {
  router.get("/:tenant/v2.0/.well-known/openid-configuration", (ctx) => {
    const tenant = resolveTenant(services.state, ctx.params.tenant);
    ctx.log.tenantId = tenant.id;
    sendJson(ctx, 200, discoveryDocument(ctx.origin, tenant), PLAIN_JSON);
  });
  // Signing keys are shared by all tenants, as Entra's are.
  router.get("/:tenant/discovery/v2.0/keys", (ctx) => sendJson(ctx, 200, { keys: [services.signingKey.jwk] }, PLAIN_JSON));
  router.get("/:tenant/oauth2/v2.0/authorize", authorizeEndpoint(services));
  router.post("/:tenant/oauth2/v2.0/authorize", authorizeEndpoint(services));
  router.post("/:tenant/oauth2/v2.0/token", tokenEndpoint(services));
  router.get("/:tenant/oauth2/v2.0/logout", (ctx) => {
    const target = ctx.url.searchParams.get("post_logout_redirect_uri");
    if (target && /^https?:\/\//.test(target)) return redirect(ctx, target);
    sendHtml(ctx, 200, renderNoticePage("You signed out of your account", "It's a good idea to close all browser windows."));
  });
  router.get("/oidc/userinfo", userinfoEndpoint(services));
  router.get("/error", (ctx) => {
    const code = ctx.url.searchParams.get("code") ?? "";
    sendHtml(ctx, 200, renderNoticePage(`AADSTS${code}`, "The error_description of the response that linked here explains this error."));
  });
}
