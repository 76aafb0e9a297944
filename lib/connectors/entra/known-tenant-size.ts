import "server-only";
import { countEntriesUpTo } from "@/lib/directory-size/count-entries-up-to";

/**
 * How many people the customer's Entra tenant had at its last sync, as far as
 * Graph's size classes need it (up to 501: "above 500" is the largest class);
 * null before a first sync. Picks the tenant's Graph budget and its lane in the queue.
 */
export async function knownTenantSize({ customerId }: { customerId: string }): Promise<number | null> {
  const n = await countEntriesUpTo({ customerId, source: "entra" }, 501);
  return n > 0 ? n : null;
}
