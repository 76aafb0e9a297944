import { AppError } from "@/lib/errors";

/**
 * The one answer to a link that cannot be made for a reason outside the
 * company: the entry is not its own, its tenant is not proven, or the account
 * is linked to a login of another company. The same words, code and field
 * for each, so a refusal never tells whether someone is linked elsewhere.
 */
export function unlinkable(): AppError {
  return new AppError("invalid_input", "That Entra account cannot be linked. Choose an active Entra account of your company's verified tenant from the list.", {
    aadLink: "Choose an Entra account from the list.",
  });
}
