import "server-only";
import { env } from "@/lib/env";
import { defineCredentialRoute } from "@/lib/http/define-credential-route";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { authenticateAndLookUp, type LookedUp } from "./look-up-caller";

/** The key as a PBX sends it: `Authorization: Bearer …` or `X-Api-Key: …` (one of them; both must agree). */
function keyOf(request: Request): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  const header = request.headers.get("x-api-key")?.trim() || null;
  if (bearer && header && bearer !== header) return null;
  return bearer ?? header;
}

/** The one `number` a lookup names, or null (none, or several). */
function numberOf(query: URLSearchParams): string | null {
  const numbers = query.getAll("number");
  return numbers.length === 1 ? numbers[0]! : null;
}

/**
 * The caller-ID API's route handlers: the company's caller-ID key (Bearer
 * or X-Api-Key) through the credential routes' one wrapper
 * (lib/http/define-credential-route.ts: the same 401 for every refused key,
 * 429 over the rate, errors as JSON without a trace), checked with the
 * lookup in one statement where the number allows (look-up-caller.ts).
 */
export function defineCallerIdRoute(
  handler: (ctx: { customerId: string; defaultCountry: CountryCode | null; number: string | null; ahead?: LookedUp }) => Promise<Response>,
) {
  return defineCredentialRoute(
    {
      kind: "caller_id",
      perMinute: () => env().CALLER_ID_REQUESTS_PER_MINUTE,
      credentialOf: (request) => {
        const key = keyOf(request);
        return key === null ? null : { secret: key };
      },
      authenticate: (secret, perMinute, query) => authenticateAndLookUp(secret, perMinute, numberOf(query)),
      challenge: 'Bearer realm="caller-id"',
      refusal: "A valid API key is required.",
      failure: "caller-ID lookup failed",
    },
    ({ customerId, defaultCountry, query, ahead }) => handler({ customerId, defaultCountry, number: numberOf(query), ahead }),
  );
}
