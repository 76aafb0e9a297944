import { ScimError } from "./scim-error";

export const schemaUris = {
  user: "urn:ietf:params:scim:schemas:core:2.0:User",
  enterpriseUser: "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
  group: "urn:ietf:params:scim:schemas:core:2.0:Group",
  listResponse: "urn:ietf:params:scim:api:messages:2.0:ListResponse",
  patchOp: "urn:ietf:params:scim:api:messages:2.0:PatchOp",
  error: "urn:ietf:params:scim:api:messages:2.0:Error",
} as const;

const contentType = { "content-type": "application/scim+json; charset=utf-8" };

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...contentType, ...headers } });
}

export function scimNoContent(): Response {
  return new Response(null, { status: 204 });
}

export function scimErrorResponse(error: ScimError): Response {
  return scimJson(
    { schemas: [schemaUris.error], status: String(error.status), ...(error.scimType ? { scimType: error.scimType } : {}), detail: error.detail },
    error.status,
    error.status === 401 ? { "www-authenticate": 'Bearer realm="scim"' } : {},
  );
}

const maxBodyBytes = 1_000_000;

/** Both SCIM's own media type and plain JSON are accepted, as Entra and test tools send either. */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(scim\+)?json\b/i.test(type)) {
    throw new ScimError(415, `Send the body as application/scim+json or application/json, not ${type.split(";")[0]}.`);
  }
  const text = await request.text();
  // Entra sends one resource or a few operations per request; a megabyte is plenty.
  if (text.length > maxBodyBytes) throw new ScimError(413, "The request body is too large.");
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ScimError(400, "The request body is not valid JSON.", "invalidSyntax");
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new ScimError(400, "The request body must be a JSON object.", "invalidSyntax");
  return body as Record<string, unknown>;
}
