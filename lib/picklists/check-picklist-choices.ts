import "server-only";
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, type PicklistName } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import { getPicklists } from "./get-picklists";

type Choices = { package: string | null; userType: string | null; site: string | null };

const fields: [keyof Choices, PicklistName, string][] = [
  ["package", "package", "package"],
  ["userType", "user_type", "user type"],
  ["site", "site", "site"],
];

/**
 * A user's package, user type and site must come from the company's lists
 * (where it keeps one), or be the value the user already has: a value taken
 * off a list stays the user's until it is changed. Read in the write's
 * transaction, so the check and the write see the same lists.
 */
export async function checkPicklistChoices(tx: Pick<Database, "select">, customerId: string, choices: Choices, accountId?: string) {
  const lists = await getPicklists({ customerId }, tx);
  let current: Choices | undefined;
  if (accountId) {
    [current] = await tx
      .select({ package: accounts.package, userType: accounts.userType, site: accounts.site })
      .from(accounts)
      .where(and(ofCustomer(accounts, customerId), eq(accounts.id, accountId)));
  }
  const fieldErrors: Record<string, string> = {};
  for (const [field, list, label] of fields) {
    const value = choices[field];
    if (value === null || lists[list].length === 0 || lists[list].includes(value) || current?.[field] === value) continue;
    fieldErrors[field] = `Choose a ${label} from your company's list.`;
  }
  if (Object.keys(fieldErrors).length > 0) throw new AppError("invalid_input", "Please correct the highlighted fields.", fieldErrors);
}
