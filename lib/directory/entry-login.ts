import "server-only";
import { and, asc, eq, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { linkedEntryJoin } from "@/lib/linking/linked-entry-join";

/**
 * Which login is a directory entry's, in the entry's own company: the one
 * provisioned for (or adopted from) the entry, else the one linked to the
 * entry's Entra account or AD entry. Shared by the column a query reads and
 * the condition its search matches, so both name the same login.
 */
export const entryLoginCondition = and(
  eq(accounts.customerId, directoryEntries.customerId),
  or(eq(accounts.directoryEntryId, directoryEntries.id), linkedEntryJoin),
);

/**
 * The entry's login (portal ID and extension) as a lateral subquery of one
 * row at most, to left-join on `true` from directory_entries: a login found
 * both ways, or two logins, never make an entry appear twice.
 */
export function entryLogin() {
  return (
    db()
      .select({ portalId: accounts.portalId, extension: accounts.extension })
      .from(accounts)
      .where(entryLoginCondition)
      // The provisioned login first: it was made for this very entry.
      .orderBy(sql`(${accounts.directoryEntryId} = ${directoryEntries.id}) desc nulls last`, asc(accounts.portalId))
      .limit(1)
      .as("entry_login")
  );
}
