import { parseUntrustedJson, UntrustedJsonError } from "@/lib/http/parse-untrusted-json";
import { invalidSyntax, invalidValue, ScimError } from "./scim-error";

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

/**
 * Both SCIM's own media type and plain JSON are accepted, as Entra and test tools send either.
 * The body is parsed as untrusted JSON (lib/http/parse-untrusted-json.ts): no prototype keys,
 * no NUL or unpaired surrogates, bounded nesting; each refusal is a SCIM 400 that changes nothing.
 */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (type && !/^application\/(scim\+)?json\b/i.test(type)) {
    throw new ScimError(415, `Send the body as application/scim+json or application/json, not ${type.split(";")[0]}.`);
  }
  const bytes = new Uint8Array(await request.arrayBuffer());
  // Entra sends one resource or a few operations per request; a megabyte is plenty.
  if (bytes.byteLength > maxBodyBytes) throw new ScimError(413, "The request body is too large.");
  let body: unknown;
  try {
    body = parseUntrustedJson(new TextDecoder().decode(bytes));
  } catch (error) {
    if (!(error instanceof UntrustedJsonError)) throw error;
    throw error.reason === "text" ? invalidValue(error.message) : invalidSyntax(error.message);
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) throw invalidSyntax("The request body must be a JSON object.");
  return body as Record<string, unknown>;
}
