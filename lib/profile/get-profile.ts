import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { notFound } from "@/lib/errors";

/** The signed-in person's own account, for My Information. */
export async function getProfile(actor: Actor) {
  const [profile] = await db()
    .select({
      portalId: accounts.portalId,
      role: accounts.role,
      name: accounts.name,
      email: accounts.email,
      extension: accounts.extension,
      aadTenantId: accounts.aadTenantId,
      aadObjectId: accounts.aadObjectId,
    })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId))
    .limit(1);
  if (!profile) throw notFound("Your account");
  return profile;
}
