import "server-only";
import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "./actor";
import { authOptions } from "./auth-options";

/**
 * The signed-in person for this request, read fresh from the database, or null.
 * Cached per request so a page and its components share one lookup.
 */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = await getServerSession(authOptions());
  if (!session?.accountId) return null;
  const [account] = await db()
    .select({
      accountId: accounts.id,
      role: accounts.role,
      customerId: accounts.customerId,
      portalId: accounts.portalId,
      name: accounts.name,
    })
    .from(accounts)
    .where(eq(accounts.id, session.accountId))
    .limit(1);
  return account ?? null;
});
