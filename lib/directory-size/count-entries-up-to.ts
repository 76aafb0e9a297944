import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, type DirectorySource } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * How many entries the customer's directory holds (of one source, if given),
 * counted no further than `limit`: a size class needs no more, and a bounded
 * count stops early in a directory of 100,000.
 */
export async function countEntriesUpTo({ customerId, source }: { customerId: string; source?: DirectorySource }, limit: number): Promise<number> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(
      db()
        .select({ one: sql`1` })
        .from(directoryEntries)
        .where(and(ofCustomer(directoryEntries, customerId), source ? eq(directoryEntries.source, source) : undefined))
        .limit(limit)
        .as("known"),
    );
  return row?.n ?? 0;
}
