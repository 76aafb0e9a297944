import "server-only";
import { countEntriesUpTo } from "@/lib/directory-size/count-entries-up-to";

/** Counting stops here: every company larger than this is in the last lane anyway. */
const countUpTo = 100_000;

/**
 * A sync job's place in the queue by the company's size (its directory at the
 * last sync): BullMQ takes lower numbers first, so a burst of due jobs starts
 * every small company before any larger one — one lane per tenfold, under
 * 10 people first, 100,000 and more last; a company never synced yet goes in
 * the middle (100–999). Within a lane, first come first served. A small
 * company therefore waits behind a large one only while that one is already
 * running and every slot of every worker is taken (README, Production topology).
 */
export async function syncPriority({ customerId }: { customerId: string }): Promise<number> {
  return priorityOfSize(await countEntriesUpTo({ customerId }, countUpTo));
}

export function priorityOfSize(size: number): number {
  if (size === 0) return 3;
  return 1 + Math.min(5, Math.floor(Math.log10(size)));
}
