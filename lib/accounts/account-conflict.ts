import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";

/** Turns a broken uniqueness rule on `accounts` into a message for the form. */
export function accountConflict(error: unknown, values: { portalId?: string; extension?: string | null }): AppError | null {
  switch (violatedConstraint(error)) {
    case "accounts_portal_id_unique":
      return new AppError("conflict", `The portal ID ${values.portalId} is already taken.`, {
        localPart: "This portal ID is already taken.",
      });
    case "accounts_customer_extension_unique":
      return new AppError("conflict", `Extension ${values.extension} is already used by another user.`, {
        extension: "This extension is already used by another user.",
      });
    default:
      return null;
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
