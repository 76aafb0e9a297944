import "server-only";
import { authenticateCredential, type AuthenticatedCredential, type DirectoryCredentialKind } from "@/lib/directory-credentials/credentials";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { requestTextProblem } from "./request-text-problem";

export type CredentialCaller = Omit<AuthenticatedCredential, "overLimit">;

export type CredentialRouteOptions<P, A> = {
  kind: DirectoryCredentialKind;
  /** The credential's rate, read per request (env). */
  perMinute: () => number;
  /** The secret the request presents, or null for none; `slug` when the request names its company too (HTTP Basic's user). */
  credentialOf: (request: Request, params: P) => { secret: string; slug?: string } | null;
  /** The WWW-Authenticate challenge of a 401, and what its body says. */
  challenge: string;
  refusal: string;
  /** Said in the log when a request fails unexpectedly: "phonebook request failed". */
  failure: string;
  /**
   * How the secret is checked: by default alone (authenticateCredential). A route may check it and read what the
   * request asks in one statement, and hand that read to its handler as `ahead` (caller-ID: one round trip for the
   * request a PBX makes on every call); what it returns meets the same 401 and 429 rules.
   */
  authenticate?: (secret: string, perMinute: number, query: URLSearchParams) => Promise<(AuthenticatedCredential & { ahead?: A }) | null>;
};

export const jsonError = (message: string, status: number, headers: Record<string, string> = {}) =>
  Response.json({ error: message }, { status, headers: { "cache-control": "no-store", ...headers } });

/**
 * The route-handler wrapper of the machine-facing APIs that a company's
 * credential opens (caller-ID, phonebooks): credential → customer, rate
 * limit, input guard, handler, errors as JSON `{ error }`. An unknown,
 * revoked, another kind's or a suspended company's credential, or none, are
 * one and the same 401, so a caller learns nothing about which exist. Over
 * the credential's rate is a 429 with Retry-After. Unexpected errors are
 * logged and a generic 500 — never a trace, SQL or the secret (which is
 * never given to the logger).
 */
export function defineCredentialRoute<P extends Record<string, string> = Record<string, never>, A = never>(
  options: CredentialRouteOptions<P, A>,
  handler: (ctx: CredentialCaller & { request: Request; params: P; query: URLSearchParams; ahead?: A }) => Promise<Response>,
) {
  const authenticate = options.authenticate ?? ((secret: string, perMinute: number) => authenticateCredential(options.kind, secret, perMinute));
  return async (request: Request, context?: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await context?.params) ?? {}) as P;
      const query = new URL(request.url).searchParams;
      const credential = options.credentialOf(request, params);
      const caller = credential ? await authenticate(credential.secret, options.perMinute(), query) : null;
      // HTTP Basic names the company as well: another company's name with this secret is no credential either.
      if (!caller || (credential!.slug !== undefined && credential!.slug !== caller.customerSlug)) {
        return jsonError(options.refusal, 401, { "www-authenticate": options.challenge });
      }
      if (caller.overLimit) return jsonError("Too many requests with this credential; try again in a minute.", 429, { "retry-after": "60" });
      const problem = requestTextProblem(query, params);
      if (problem) throw new AppError("invalid_input", problem);
      const { overLimit: _, ...company } = caller;
      return await handler({ ...company, request, params, query });
    } catch (error) {
      if (error instanceof AppError) return jsonError(error.message, error.status);
      logger.error({ err: error }, options.failure);
      return jsonError("Something went wrong. Please try again.", 500);
    }
  };
}
