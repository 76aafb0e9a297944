import type { Client } from "@microsoft/microsoft-graph-client";
import { selectedUserProperties, type DeltaItem } from "./graph-user";
import { withRetries } from "./with-retries";

export type DeltaPage = { items: DeltaItem[]; deltaLink?: string };

/** Graph no longer knows the saved delta position (410 Gone, or 400 syncStateNotFound): start a full round. */
export class DeltaExpiredError extends Error {
  constructor() {
    super("The saved delta link has expired");
    this.name = "DeltaExpiredError";
  }
}

/**
 * Walks `/users/delta` one page at a time: from the saved delta link (only
 * changes) or from the start (the full state). `$select` goes on the first
 * request only; nextLink and deltaLink carry it on. Pages are yielded as they
 * arrive and never collected, so memory stays that of one page.
 */
export async function* deltaPages(client: Client, from: { deltaLink: string | null }, onRetry?: (waitMs: number) => void): AsyncGenerator<DeltaPage> {
  let url: string | undefined = from.deltaLink ?? `/users/delta?$select=${selectedUserProperties.join(",")}`;
  while (url) {
    const current: string = url;
    let body: { value?: DeltaItem[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
    try {
      // 999 a page, the most Graph gives: fewer round trips and fewer database batches.
      body = await withRetries(() => client.api(current).header("Prefer", "odata.maxpagesize=999").get(), { onRetry });
    } catch (error) {
      if (isDeltaExpired(error)) throw new DeltaExpiredError();
      throw error;
    }
    yield { items: body.value ?? [], deltaLink: body["@odata.deltaLink"] };
    url = body["@odata.nextLink"];
  }
}

function isDeltaExpired(error: unknown): boolean {
  const e = error as { statusCode?: number; code?: string };
  return e?.statusCode === 410 || e?.code === "syncStateNotFound" || e?.code === "resyncRequired";
}
