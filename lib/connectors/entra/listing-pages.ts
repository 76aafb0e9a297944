import type { Client } from "@microsoft/microsoft-graph-client";
import { selectedUserProperties, type DeltaItem, type GraphUser } from "./graph-user";
import { withRetries } from "./with-retries";

/** What a listing selects: delta's properties but the manager, which a listing expands instead. */
const listedProperties = selectedUserProperties.filter((name) => name !== "manager");

type ListedUser = Omit<GraphUser, "manager@delta"> & { manager?: { id?: string } | null };

/**
 * Walks one `/users` listing, `$filter` given, 999 a page (the most Graph
 * gives), with the same properties a delta round selects. Each user comes
 * back as a delta item would: the manager, expanded here, as `manager@delta`,
 * so the one mapping (fromGraph) reads both. Pages are yielded as they
 * arrive; the next is asked for only when the caller wants it.
 */
export async function* listingPages(client: Client, filter: string, onRetry?: (waitMs: number) => void): AsyncGenerator<DeltaItem[]> {
  let url: string | undefined = `/users?$filter=${encodeURIComponent(filter)}&$select=${listedProperties.join(",")}&$expand=manager($select=id)&$top=999`;
  while (url) {
    const current: string = url;
    const body: { value?: ListedUser[]; "@odata.nextLink"?: string } = await withRetries(() => client.api(current).get(), { onRetry });
    yield (body.value ?? []).map(asDeltaItem);
    url = body["@odata.nextLink"];
  }
}

function asDeltaItem({ manager, ...user }: ListedUser): DeltaItem {
  // Graph leaves `manager` out for a person without one; an empty list is "no manager" to fromGraph.
  return { ...user, "manager@delta": typeof manager?.id === "string" ? [{ id: manager.id }] : [] };
}
