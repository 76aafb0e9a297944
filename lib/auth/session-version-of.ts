import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";

/** The account's current session version, written into a new session token (-1 if there is no such account: no session matches it). */
export async function sessionVersionOf(accountId: string): Promise<number> {
  const [row] = await db().select({ sessionVersion: accounts.sessionVersion }).from(accounts).where(eq(accounts.id, accountId)).limit(1);
  return row?.sessionVersion ?? -1;
}
