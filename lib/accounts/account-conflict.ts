import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { extensionTaken } from "@/lib/extensions/extension-taken";

/** Turns a broken uniqueness rule on `accounts` into a message for the form. */
export function accountConflict(error: unknown, values: { portalId?: string; extension?: string | null }): AppError | null {
  switch (violatedConstraint(error)) {
    case "accounts_portal_id_unique":
      return new AppError("conflict", `The portal ID ${values.portalId} is already taken.`, {
        localPart: "This portal ID is already taken.",
      });
    default:
      return extensionTaken(error, values.extension);
  }
}

/** Runs a write and rethrows a known conflict as an AppError. */
export async function withAccountConflicts<T>(values: { portalId?: string; extension?: string | null }, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw accountConflict(error, values) ?? error;
  }
}
