import { readForm } from "../http/read-body";
import type { Handler } from "../http/router";
import { PLAIN_JSON, sendJson } from "../http/send";
import type { EmulatorServices } from "../services";
import { aadsts } from "./aadsts-errors";
import { authorizationCodeGrant } from "./authorization-code-grant";
import { authenticateClient } from "./client-authentication";
import { clientCredentialsGrant } from "./client-credentials-grant";
import { resolveTenant } from "./resolve-tenant";

const LOGGED_FIELDS = ["grant_type", "client_id", "scope", "client_info", "redirect_uri"];

/** POST /{tenant}/oauth2/v2.0/token: client_credentials and authorization_code. */
export function tokenEndpoint(services: EmulatorServices): Handler {
  return async (ctx) => {
    const tenant = resolveTenant(services.state, ctx.params.tenant);
    ctx.log.tenantId = tenant.id;
    const form = await readForm(ctx.req);
    ctx.log.form = Object.fromEntries(LOGGED_FIELDS.flatMap((name) => (form.has(name) ? [[name, form.get(name)!]] : [])));
    const latencyMs = tenant.faults.latencyMs;
    if (latencyMs) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    if (tenant.faults.tokenEndpointDown()) {
      ctx.log.fault = "tokenOutage";
      throw aadsts.serviceUnavailable(tenant.faults.tokenOutageRetryAfterSeconds);
    }
    const app = authenticateClient(tenant, ctx.req.headers.authorization, form);
    ctx.log.clientId = app.clientId;
    const grantType = form.get("grant_type");
    if (!grantType) throw aadsts.missingParameter("grant_type");
    let body: object;
    if (grantType === "client_credentials") {
      body = await clientCredentialsGrant(services.signingKey, tenant, app, form);
    } else if (grantType === "authorization_code") {
      body = await authorizationCodeGrant({ key: services.signingKey, codes: services.codes, origin: ctx.origin, tenant, app, form });
    } else {
      throw aadsts.unsupportedGrant(grantType);
    }
    sendJson(ctx, 200, body, { ...PLAIN_JSON, "x-ms-request-id": ctx.requestId });
  };
}
