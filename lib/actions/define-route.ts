import "server-only";
import { isCustomerActor, type CustomerActor } from "@/lib/actor";
import { getActor } from "@/lib/auth/get-actor";
import { assertPermission, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { requestTextProblem } from "@/lib/http/request-text-problem";
import { logger } from "@/lib/logger";

type RouteContext<P> = { params: Promise<P> };

/**
 * The route-handler twin of defineCustomerAction: session → permission →
 * input guard → handler, with errors as JSON `{ error }` and their HTTP
 * status. A query string or path parameter that no database could store
 * (NUL, lone surrogate, control characters, absurd length) is a 400 before the
 * handler runs; a JSON body is read with readJsonBody. Unexpected errors are
 * logged and answered 500 with a generic message, never a trace, SQL or a
 * parameter.
 */
export function defineCustomerRoute<P = Record<string, string>>(
  opts: { permission: Permission },
  handler: (ctx: { actor: CustomerActor; request: Request; params: P }) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("unauthenticated", "Please sign in.");
      assertPermission(actor.role, opts.permission);
      if (!isCustomerActor(actor)) throw new AppError("forbidden", "You do not have permission to do that.");
      const params = await context.params;
      const problem = requestTextProblem(new URL(request.url).searchParams, (params ?? {}) as Record<string, unknown>);
      if (problem) throw new AppError("invalid_input", problem);
      return await handler({ actor, request, params });
    } catch (error) {
      if (error instanceof AppError) return Response.json({ error: error.message }, { status: error.status });
      logger.error({ err: error, permission: opts.permission }, "route handler failed");
      return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
    }
  };
}
