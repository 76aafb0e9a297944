import type { AppRegistration } from "../state/app-registration";
import type { Tenant } from "../state/tenant";
import type { SigningKey } from "./signing-key";
import { aadsts } from "./aadsts-errors";
import { issueAppToken } from "./issue-tokens";
import { ACCESS_TOKEN_SECONDS, GRAPH_APP_ID, GRAPH_RESOURCE } from "./token-claims";

const GRAPH_RESOURCES = new Set([GRAPH_RESOURCE, `${GRAPH_RESOURCE}/`, GRAPH_APP_ID]);

/**
 * Client credentials: one `<resource>/.default` scope (AADSTS1002012
 * otherwise) for a resource the tenant knows; only Microsoft Graph here.
 */
export async function clientCredentialsGrant(key: SigningKey, tenant: Tenant, app: AppRegistration, form: URLSearchParams) {
  const scope = form.get("scope")?.trim();
  if (!scope) throw aadsts.missingParameter("scope");
  const first = scope.split(/\s+/)[0]!;
  if (!first.endsWith("/.default")) throw aadsts.clientCredentialsScope(scope);
  const resource = first.slice(0, -"/.default".length);
  if (!GRAPH_RESOURCES.has(resource.toLowerCase())) throw aadsts.resourceNotFound(resource, tenant.id);
  return {
    token_type: "Bearer",
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: await issueAppToken(key, tenant, app),
  };
}
