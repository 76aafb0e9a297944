import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

/**
 * How many people the customer's Entra tenant had at its last sync, as far as
 * Graph's size classes need it (up to 501: "above 500" is the largest class);
 * null before a first sync. Picks the tenant's Graph budget and its lane in the queue.
 */
export async function knownTenantSize({ customerId }: { customerId: string }): Promise<number | null> {
  const [row] = await db()
    .select({ n: sql<number>`count(*)::int` })
    .from(
      db()
        .select({ one: sql`1` })
        .from(directoryEntries)
        .where(and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.source, "entra")))
        .limit(501)
        .as("known"),
    );
  return row && row.n > 0 ? row.n : null;
}
