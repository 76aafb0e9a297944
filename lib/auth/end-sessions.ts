import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts } from "@/db/schema";

type Executor = Pick<Database, "update">;

/**
 * Ends every session of the account issued so far: their tokens carry the old
 * session version, which `getActor` then refuses, so they behave as signed out.
 * Takes the transaction of the change that calls for it.
 */
export async function endSessions(tx: Executor, accountId: string): Promise<void> {
  await tx
    .update(accounts)
    .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
    .where(eq(accounts.id, accountId));
}
