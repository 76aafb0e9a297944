import "server-only";
import { isCustomerActor, type CustomerActor } from "@/lib/auth/actor";
import { getActor } from "@/lib/auth/get-actor";
import { assertPermission, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

type RouteContext<P> = { params: Promise<P> };

/**
 * The route-handler twin of defineCustomerAction: session → permission →
 * handler, with errors as JSON `{ error }` and their HTTP status. Unexpected
 * errors are logged and answered 500 with a generic message, never a trace.
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
      return await handler({ actor, request, params: await context.params });
    } catch (error) {
      if (error instanceof AppError) return Response.json({ error: error.message }, { status: error.status });
      logger.error({ err: error, permission: opts.permission }, "route handler failed");
      return Response.json({ error: "Something went wrong. Please try again." }, { status: 500 });
    }
  };
}
