import "server-only";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { Actor } from "@/lib/actor";

/**
 * next-auth hands the message of a thrown Error to the sign-in page (as the
 * `error` of the callback's answer). Ours are written for people; anything
 * else (a database error names its SQL and parameters) goes to the log as
 * its kind only, and the caller reads a generic sentence.
 */
export async function asSessionUser(signIn: () => Promise<Actor>) {
  try {
    const actor = await signIn();
    return { id: actor.accountId, name: actor.name, role: actor.role, customerId: actor.customerId };
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.message);
    logger.error({ kind: error instanceof Error ? error.name : typeof error }, "sign-in failed unexpectedly");
    throw new Error(unexpectedFailure);
  }
}

const unexpectedFailure = "Sign-in failed. Please try again.";
