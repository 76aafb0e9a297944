import "server-only";
import { eq } from "drizzle-orm";
import type { Session } from "next-auth";
import { z } from "zod";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { isCustomerSuspended } from "@/lib/suspension/customer-suspended";

/**
 * The person a session names, read fresh from the database, or null. A
 * session whose version is not the account's (issued before a password change
 * or "sign out of all sessions", or before versions existed) is no session.
 */
export async function actorOfSession(session: Pick<Session, "accountId" | "sessionVersion"> | null): Promise<Actor | null> {
  if (!session?.accountId || !z.uuid().safeParse(session.accountId).success) return null;
  const [account] = await db()
    .select({
      accountId: accounts.id,
      role: accounts.role,
      customerId: accounts.customerId,
      portalId: accounts.portalId,
      name: accounts.name,
      sessionVersion: accounts.sessionVersion,
      suspendedAt: accounts.suspendedAt,
    })
    .from(accounts)
    .where(eq(accounts.id, session.accountId))
    .limit(1);
  // A login suspended by provisioning has no session, whatever its token says (the suspension also raised its version).
  if (!account || account.sessionVersion !== session.sessionVersion || account.suspendedAt) return null;
  // A suspended company's people are signed out on their next request, whatever their token says.
  if (account.customerId && (await isCustomerSuspended(account.customerId))) return null;
  const { sessionVersion: _, suspendedAt: __, ...actor } = account;
  return actor;
}
