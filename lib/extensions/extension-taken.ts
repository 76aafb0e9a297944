import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";

/** The one field message for an extension someone in the company already has: the user and directory forms say the same. */
export const extensionTakenMessage = "This extension is already used in your company.";

/**
 * Turns the company's extension rule (company_extensions' primary key, kept
 * by triggers on accounts and directory_entries) into the form's answer,
 * whichever of a user or a directory entry holds the extension.
 */
export function extensionTaken(error: unknown, extension: string | null | undefined): AppError | null {
  if (violatedConstraint(error) !== "company_extensions_pkey") return null;
  return new AppError("conflict", `Extension ${extension} is already used in your company.`, { extension: extensionTakenMessage });
}
