import type { Client } from "@microsoft/microsoft-graph-client";
import { logger } from "@/lib/logger";
import { deltaPages, type DeltaPage } from "./delta-pages";
import { selectedUserProperties } from "./graph-user";
import type { ListingBudget } from "./listing-budget";
import { listingPageSize, listingPages } from "./listing-pages";
import { mergePages } from "./merge-pages";
import type { PageCharges } from "./page-charges";
import { shardFilters, uncoveredFilter } from "./upn-shards";
import { withRetries } from "./with-retries";

export type ShardedRoundInput = {
  client: Client;
  /** Listings read at once (SYNC_SHARDS); 0 reads the round as one delta walk. */
  shards: number;
  /** The people's worth of listing pages the process holds at once, shared by its runs (listing-budget.ts). */
  budget: ListingBudget;
  /** Where each listing page's charge waits until the walk has written the page. */
  held: PageCharges;
  onRetry?: (waitMs: number) => void;
  /** For the log: whose round this is. */
  runId: string;
  /** Told how the round is read, in words for the run page. */
  readAs?: (words: string) => void;
};

/**
 * A full round faster than `/users/delta`'s one page after another. The
 * delta anchor is taken first (`$deltatoken=latest`: a delta link for "from
 * now on", no users), then the tenant is read as several `/users` listings at
 * once, split by the first character of the UPN so each person is in exactly
 * one. A count of the people no listing matches, taken beside the anchor,
 * proves the cover; if anyone is left out, the round is today's sequential
 * delta walk instead. Once the listings are in, the changes made while they
 * were read (a person renamed from one listing's letter to another's is in
 * neither) are read from the anchor and come last, so the round ends with
 * every person in their latest state. The anchor is the round's delta link:
 * the next run replays those changes once more, which the engine applies as
 * no change. A tenant that fits in one page is read as the delta walk: the
 * count of everyone, taken first, says so.
 */
export async function* fullRoundPages(input: ShardedRoundInput): AsyncGenerator<DeltaPage> {
  const { client, onRetry } = input;
  if (input.shards < 1) {
    input.readAs?.("One delta walk, a page after another (parallel listings are turned off: SYNC_SHARDS=0).");
    yield* deltaPages(client, { deltaLink: null }, onRetry);
    return;
  }
  const everyone = await countUsers(client, null, onRetry);
  if (everyone >= 0 && everyone <= listingPageSize) {
    // One delta page holds them all: one request, where listings would take an anchor, a count, one request a
    // listing and the catch-up. The fleet's many small tenants so read nothing through the listing budget.
    input.readAs?.(`One delta walk: the tenant's ${everyone === 1 ? "1 person fits" : `${everyone} people fit`} in one page.`);
    yield* deltaPages(client, { deltaLink: null }, onRetry);
    return;
  }
  const [anchor, uncovered] = await Promise.all([
    latestDeltaLink(client, onRetry),
    // The people no listing matches: any, or no count, and the cover is not proven.
    countUsers(client, uncoveredFilter(), onRetry),
  ]);
  if (uncovered !== 0) {
    logger.info(
      { runId: input.runId, uncovered },
      "the listings are not proven to cover everyone (uncovered -1: not counted); reading the round as one delta walk",
    );
    input.readAs?.(
      uncovered < 0
        ? "One delta walk, a page after another: Microsoft Graph did not count the people the parallel listings would leave out, so they were not used."
        : `One delta walk, a page after another: ${uncovered === 1 ? "1 person's user name starts" : `${uncovered} people's user names start`} with a character no parallel listing reads.`,
    );
    yield* deltaPages(client, { deltaLink: null }, onRetry);
    return;
  }
  const shards = shardFilters(input.shards);
  logger.info({ runId: input.runId, shards: shards.length }, "reading the full round as parallel listings");
  input.readAs?.(`${shards.length} parallel listings by the first character of the user name, then the changes made meanwhile.`);
  // Each listing's first page is charged its share of the tenant against the process's budget (listing-budget.ts).
  const firstPage = everyone < 0 ? listingPageSize : Math.min(listingPageSize, Math.max(1, Math.ceil(everyone / shards.length)));
  const listings = shards.map((filters) => listingPages(client, { filters, budget: input.budget, firstPage, held: input.held }, onRetry));
  // Every page carries the anchor as the round's delta link, the catch-up's too (its own link is dropped):
  // the next run replays from the anchor. The catch-up always answers at least one page, so the link is never missed.
  for await (const items of mergePages(listings)) yield { items, deltaLink: anchor };
  for await (const page of deltaPages(client, { deltaLink: anchor }, onRetry)) yield { items: page.items, deltaLink: anchor };
}

/** `GET /users/delta?$deltatoken=latest`, with the round's `$select`, which the link keeps for later rounds. */
async function latestDeltaLink(client: Client, onRetry?: (waitMs: number) => void): Promise<string> {
  const body: { "@odata.deltaLink"?: string } = await withRetries(
    () => client.api(`/users/delta?$deltatoken=latest&$select=${selectedUserProperties.join(",")}`).get(),
    { onRetry },
  );
  const link = body["@odata.deltaLink"];
  if (!link) throw new Error("Microsoft Graph gave no delta link for $deltatoken=latest");
  return link;
}

/** How many people the filter matches (everyone for null), or -1 when Graph refuses to count them. */
async function countUsers(client: Client, filter: string | null, onRetry?: (waitMs: number) => void): Promise<number> {
  let text: unknown;
  try {
    text = await withRetries(
      () =>
        client
          .api(filter === null ? "/users/$count" : `/users/$count?$filter=${encodeURIComponent(filter)}`)
          .header("ConsistencyLevel", "eventual")
          .get(),
      { onRetry },
    );
  } catch (error) {
    // A refused query (400) is no reason to fail the run: the sequential walk needs no count.
    if ((error as { statusCode?: number })?.statusCode === 400) return -1;
    throw error;
  }
  const count = Number(text);
  return Number.isInteger(count) && count >= 0 ? count : -1;
}
