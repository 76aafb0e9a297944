import "server-only";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { requestTextProblem } from "@/lib/http/request-text-problem";
import { logger } from "@/lib/logger";
import { authenticateCredential } from "@/lib/directory-credentials/credentials";

/** The key as a PBX sends it: `Authorization: Bearer …` or `X-Api-Key: …` (one of them; both must agree). */
function keyOf(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  const header = request.headers.get("x-api-key")?.trim() || null;
  if (bearer && header && bearer !== header) return null;
  return bearer ?? header;
}

const json = (body: unknown, status: number, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * The route-handler twin of defineCustomerRoute for a PBX: API key →
 * customer, rate limit, input guard, handler, errors as JSON `{ error }`.
 * An unknown, revoked or suspended company's key, or none, are one and the
 * same 401, so a caller learns nothing about which keys exist. Over the
 * key's rate is a 429 with Retry-After. Unexpected errors are logged and a
 * generic 500 — never a trace, SQL or the key.
 */
export function defineCallerIdRoute(handler: (ctx: { customerId: string; query: URLSearchParams }) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    try {
      const key = keyOf(request);
      const caller = key ? await authenticateCredential("caller_id", key, env().CALLER_ID_REQUESTS_PER_MINUTE) : null;
      if (!caller) return json({ error: "A valid API key is required." }, 401, { "www-authenticate": 'Bearer realm="caller-id"' });
      if (caller.overLimit) return json({ error: "Too many lookups with this key; try again in a minute." }, 429, { "retry-after": "60" });
      const query = new URL(request.url).searchParams;
      const problem = requestTextProblem(query);
      if (problem) throw new AppError("invalid_input", problem);
      return await handler({ customerId: caller.customerId, query });
    } catch (error) {
      if (error instanceof AppError) return json({ error: error.message }, error.status);
      logger.error({ err: error }, "caller-ID lookup failed");
      return json({ error: "Something went wrong. Please try again." }, 500);
    }
  };
}
