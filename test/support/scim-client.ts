import * as groups from "@/app/api/scim/v2/Groups/route";
import * as group from "@/app/api/scim/v2/Groups/[id]/route";
import * as resourceTypes from "@/app/api/scim/v2/ResourceTypes/route";
import * as schemas from "@/app/api/scim/v2/Schemas/route";
import * as config from "@/app/api/scim/v2/ServiceProviderConfig/route";
import * as users from "@/app/api/scim/v2/Users/route";
import * as user from "@/app/api/scim/v2/Users/[id]/route";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const routes: [RegExp, Record<string, unknown>][] = [
  [/^\/Users\/?$/, users],
  [/^\/Users\/(?<id>[^/]+)$/, user],
  [/^\/Groups\/?$/, groups],
  [/^\/Groups\/(?<id>[^/]+)$/, group],
  [/^\/ServiceProviderConfig$/, config],
  [/^\/ResourceTypes$/, resourceTypes],
  [/^\/Schemas$/, schemas],
];

/**
 * Calls the portal's real SCIM route handlers in process, as Next.js would:
 * a Request in (path relative to /api/scim/v2), the Response out.
 */
export async function scimRequest(token: string | null, method: string, path: string, body?: unknown, contentType = "application/scim+json") {
  const [pathname, search = ""] = path.split("?");
  const match = routes.map(([pattern, module]) => ({ m: pattern.exec(pathname!), module })).find((r) => r.m);
  if (!match) throw new Error(`no SCIM route for ${path}`);
  const handler = match.module[method] as Handler | undefined;
  if (!handler) throw new Error(`no ${method} on ${path}`);
  const url = `http://localhost:3000/api/scim/v2${pathname}${search ? `?${new URLSearchParams(search.replace(/\+/g, "%2B")).toString()}` : ""}`;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers["content-type"] = contentType;
  const response = await handler(
    new Request(url, { method, headers, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) }),
    {
      params: Promise.resolve({ ...(match.m!.groups ?? {}) }),
    },
  );
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : null, headers: response.headers };
}
