import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import type { LinkTarget } from "./link-target";

/**
 * One Entra account, one login: the database's unique constraint decides, and
 * this turns its refusal into plain words naming the login that holds the
 * account — by portal ID within the company, anonymously across companies.
 */
export async function withLinkClash<T>(customerId: string, target: LinkTarget | null | "unchanged", write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (violatedConstraint(error) !== "accounts_entra_link_unique" || !target || target === "unchanged") throw error;
    const [holder] = await db()
      .select({ portalId: accounts.portalId, customerId: accounts.customerId })
      .from(accounts)
      .where(and(eq(accounts.aadTenantId, target.aadTenantId), eq(accounts.aadObjectId, target.aadObjectId)))
      .limit(1);
    const who = holder?.customerId === customerId ? `the login ${holder.portalId}` : "a login of another company";
    throw new AppError("conflict", `${target.displayName} is already linked to ${who}. Unlink it there first.`, {
      aadLink: "Already linked to another login.",
    });
  }
}
