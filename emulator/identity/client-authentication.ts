import type { AppRegistration } from "../state/app-registration";
import type { Tenant } from "../state/tenant";
import { aadsts } from "./aadsts-errors";

interface PresentedCredentials {
  clientId: string | null;
  clientSecret: string | null;
}

/**
 * Identifies and authenticates the calling app by `client_secret_basic`
 * (Authorization header; openid-client's and next-auth's default) or
 * `client_secret_post` (form fields; msal-node), in Entra's order: unknown app
 * (700016) before a missing (7000218), wrong (7000215) or expired (7000222) secret.
 */
export function authenticateClient(tenant: Tenant, authorization: string | undefined, form: URLSearchParams): AppRegistration {
  const presented = fromBasicHeader(authorization) ?? { clientId: form.get("client_id"), clientSecret: form.get("client_secret") };
  if (!presented.clientId) throw aadsts.missingParameter("client_id");
  const app = tenant.findApp(presented.clientId);
  if (!app) throw aadsts.appNotFound(presented.clientId, tenant.id);
  if (!presented.clientSecret) throw aadsts.missingSecret();
  const check = app.checkSecret(presented.clientSecret);
  if (check === "wrong") throw aadsts.invalidSecret(app.clientId);
  if (check === "expired") throw aadsts.expiredSecret(app.clientId);
  return app;
}

/** RFC 6749 §2.3.1: both parts are form-urlencoded before being joined and base64-encoded. */
function fromBasicHeader(header: string | undefined): PresentedCredentials | undefined {
  if (!header?.toLowerCase().startsWith("basic ")) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return { clientId: formDecode(decoded), clientSecret: null };
  return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    return value;
  }
}
