import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isCustomerActor, type Actor, type CustomerActor } from "@/lib/actor";
import { getActor } from "@/lib/auth/get-actor";
import { assertPermission, type Permission } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { actionInput } from "./action-input";
import type { ActionState } from "./action-state";
import { readFormFields } from "./read-form-fields";

type Handler<A extends Actor, S extends z.ZodType, R> = (ctx: { actor: A }, input: z.infer<S>) => Promise<ActionState<R> | void>;

/**
 * The one way a server action is written: session → permission → zod → lib.
 * Used as a form action (`useActionState`), it takes the FormData and returns
 * an ActionState; errors meant for people become messages, anything else is
 * logged and answered with a generic message, never a stack trace, SQL or a
 * parameter. A form with a field no database could store (readFormFields) is
 * refused before the lib sees it, with what its schema says of the other
 * fields, so every fault is told at once rather than one save after another.
 */
export function defineAction<S extends z.ZodType, R = undefined>(opts: { permission: Permission; input: S }, handler: Handler<Actor, S, R>) {
  const action = async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("unauthenticated", "Your session has ended. Please sign in again.");
      assertPermission(actor.role, opts.permission);
      const form = readFormFields(formData);
      // An unreadable field's own fault wins over what its schema said of it (the schema saw it missing).
      if (!form.ok) return { status: "error", message: form.message, fieldErrors: { ...schemaErrorsOf(opts.input, form.readable), ...form.fieldErrors } };
      const parsed = opts.input.safeParse(form.fields);
      if (!parsed.success) return { status: "error", message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsOf(parsed.error) };
      return (await handler({ actor }, parsed.data)) ?? { status: "success" };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      if (error instanceof AppError) {
        return { status: "error", message: error.message, fieldErrors: error.fieldErrors };
      }
      logger.error({ err: error, permission: opts.permission }, "server action failed");
      return { status: "error", message: "Something went wrong. Please try again." };
    }
  };
  actionInput.record(action, opts.input);
  return action;
}

/** The same, for actions on a customer's own data: the actor must belong to one. */
export function defineCustomerAction<S extends z.ZodType, R = undefined>(opts: { permission: Permission; input: S }, handler: Handler<CustomerActor, S, R>) {
  return defineAction(opts, async ({ actor }, input) => {
    if (!isCustomerActor(actor)) throw new AppError("forbidden", "You do not have permission to do that.");
    return handler({ actor }, input);
  });
}

/**
 * What a schema says of the fields of a refused form that could be read. Only advice beside the refusal: a schema
 * that cannot parse a form missing a field it relies on says nothing rather than turning the refusal into a failure.
 */
function schemaErrorsOf(schema: z.ZodType, fields: Record<string, unknown> | undefined): Record<string, string> {
  if (!fields) return {};
  try {
    const parsed = schema.safeParse(fields);
    return parsed.success ? {} : fieldErrorsOf(parsed.error);
  } catch {
    return {};
  }
}

/** The first message of each field, keyed as the form names it. */
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  return fieldErrors;
}
