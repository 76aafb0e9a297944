import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import type { LinkTarget } from "./link-target";
import { unlinkable } from "./unlinkable";

/**
 * One Entra account, one login: the database's unique constraint decides, and
 * this turns its refusal into plain words. Within the company it names the
 * login that holds the account; held anywhere else, the answer is the same
 * neutral refusal as for any account that cannot be linked, so that it never
 * tells who is linked in another company.
 */
export async function withLinkClash<T>(customerId: string, target: LinkTarget | null | "unchanged", write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violatedConstraint(error) !== "accounts_entra_link_unique" || !target || target === "unchanged") throw error;
    const [holder] = await db()
      .select({ portalId: accounts.portalId })
      .from(accounts)
      .where(and(ofCustomer(accounts, customerId), eq(accounts.aadTenantId, target.aadTenantId), eq(accounts.aadObjectId, target.aadObjectId)))
      .limit(1);
    if (!holder) throw unlinkable();
    throw new AppError("conflict", `${target.displayName} is already linked to the login ${holder.portalId}. Unlink it there first.`, {
      aadLink: "Already linked to another login.",
    });
  }
}
