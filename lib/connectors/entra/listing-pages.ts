import type { Client } from "@microsoft/microsoft-graph-client";
import { selectedUserProperties, type DeltaItem, type GraphUser } from "./graph-user";
import type { ListingBudget } from "./listing-budget";
import { withRetries } from "./with-retries";

/** What a listing selects: delta's properties but the manager, which a listing expands instead. */
const listedProperties = selectedUserProperties.filter((name) => name !== "manager");

type ListedUser = Omit<GraphUser, "manager@delta"> & { manager?: { id?: string } | null };

/**
 * Walks one `/users` listing, `$filter` given, 999 a page (the most Graph
 * gives), with the same properties a delta round selects. Each user comes
 * back as a delta item would: the manager, expanded here, as `manager@delta`,
 * so the one mapping (fromGraph) reads both. Pages are yielded as they
 * arrive; the next is asked for only when the caller wants it, and within
 * the listing budget (the worker process's, shared by its runs).
 */
export async function* listingPages(client: Client, filter: string, budget: ListingBudget, onRetry?: (waitMs: number) => void): AsyncGenerator<DeltaItem[]> {
  let url: string | undefined = `/users?$filter=${encodeURIComponent(filter)}&$select=${listedProperties.join(",")}&$expand=manager($select=id)&$top=999`;
  // The budget is charged the size of the page before (see listing-budget.ts).
  let expected = 1;
  while (url) {
    const giveBack = await budget.take(expected);
    try {
      const page = await readPage(client, url, onRetry);
      expected = Math.max(1, page.items.length);
      url = page.nextLink;
      yield page.items;
    } finally {
      giveBack();
    }
  }
}

/** One page, as delta items; Graph's body is not kept past it (the generator above holds only the items while it waits). */
async function readPage(client: Client, url: string, onRetry?: (waitMs: number) => void): Promise<{ items: DeltaItem[]; nextLink?: string }> {
  const body: { value?: ListedUser[]; "@odata.nextLink"?: string } = await withRetries(() => client.api(url).get(), { onRetry });
  return { items: (body.value ?? []).map(asDeltaItem), nextLink: body["@odata.nextLink"] };
}

function asDeltaItem({ manager, ...user }: ListedUser): DeltaItem {
  // Graph leaves `manager` out for a person without one; an empty list is "no manager" to fromGraph.
  return { ...user, "manager@delta": typeof manager?.id === "string" ? [{ id: manager.id }] : [] };
}
