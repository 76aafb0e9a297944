import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";

/**
 * The account's current session version, written into a new session token;
 * -1 (which no account has, so no session matches it) for an ID that names no
 * account.
 */
export async function sessionVersionOf(accountId: string): Promise<number> {
  if (!z.uuid().safeParse(accountId).success) return -1;
  const [row] = await db().select({ sessionVersion: accounts.sessionVersion }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.sessionVersion ?? -1;
}
