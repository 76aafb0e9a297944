import type { RunningEmulator } from "@/emulator";
import { expectValidGraphResponse } from "./graph-schema";

export interface WireResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** An app-only Graph token straight from the token endpoint (client_secret_post), for wire-level tests. */
export async function appToken(emulator: RunningEmulator, tenantId: string, clientId: string, clientSecret: string): Promise<string> {
  const response = await fetch(`${emulator.url}/${tenantId}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: clientId,
      client_secret: clientSecret,
      scope: "https://graph.microsoft.com/.default",
    }),
  });
  const body = (await response.json()) as { access_token?: string; error_description?: string };
  if (!body.access_token) throw new Error(`No token: ${body.error_description}`);
  return body.access_token;
}

/** GET a Graph URL (absolute, or a path on the emulator), parse the JSON body and check it against Graph's schema. */
export async function graphGet<T = any>(
  emulator: RunningEmulator,
  pathOrUrl: string,
  token: string | null,
  headers: Record<string, string> = {},
): Promise<WireResponse<T>> {
  const url = pathOrUrl.startsWith("https://") ? pathOrUrl : `${emulator.url}${pathOrUrl}`;
  const response = await fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, redirect: "manual" });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Plain text ($count) or empty bodies stay as text.
  }
  expectValidGraphResponse(url, response.status, body);
  return { status: response.status, headers: response.headers, body: body as T };
}

/** POST a form to the token endpoint and return the parsed OAuth response. */
export async function postToken(
  emulator: RunningEmulator,
  tenant: string,
  form: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<WireResponse> {
  const response = await fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, { method: "POST", body: new URLSearchParams(form), headers });
  return { status: response.status, headers: response.headers, body: await response.json() };
}
