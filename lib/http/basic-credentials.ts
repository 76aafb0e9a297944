/**
 * The user and password of an `Authorization: Basic …` header (RFC 7617,
 * UTF-8), or null when there is none or it is not one: not base64, no colon.
 * The password may hold colons; the user may not.
 */
export function basicCredentials(request: Request): { user: string; password: string } | null {
  const encoded = /^Basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!encoded) return null;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
