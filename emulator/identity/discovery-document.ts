import type { Tenant } from "../state/tenant";
import { idTokenIssuer } from "./token-claims";

/**
 * The tenant's v2.0 OpenID configuration, shaped like Entra's (see
 * shared/data/oidc/tenant-72f988bf...json) with every URL on the emulator's
 * origin. Endpoints name the tenant by GUID even when it was looked up by
 * domain, as Entra's do. Host-name fields that would point at Microsoft point
 * at the emulator instead, so nothing that reads them leaves the machine.
 */
export function discoveryDocument(origin: string, tenant: Tenant) {
  const base = `${origin}/${tenant.id}`;
  const host = new URL(origin).host;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: idTokenIssuer(origin, tenant.id),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      "sub",
      "iss",
      "cloud_instance_name",
      "cloud_instance_host_name",
      "cloud_graph_host_name",
      "msgraph_host",
      "aud",
      "exp",
      "iat",
      "auth_time",
      "acr",
      "nonce",
      "preferred_username",
      "name",
      "tid",
      "ver",
      "at_hash",
      "c_hash",
      "email",
    ],
    tenant_region_scope: "WW",
    cloud_instance_name: "emulator.local",
    cloud_graph_host_name: host,
    msgraph_host: host,
  };
}
