import "server-only";
import type { SyncRun } from "@/db/schema";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { emptyGraphCallStats } from "@/lib/entra/graph-call-observer";
import { env } from "@/lib/env";
import type { RoundSource } from "@/lib/sync/connector";
import { mapAndEmpty } from "@/lib/sync/map-and-empty";
import type { SourceEntry } from "@/lib/sync/synced-fields";
import { DeltaExpiredError, deltaPages, type DeltaPage } from "./delta-pages";
import { fromGraph, type GraphFilter } from "./graph-user";
import { groupMemberIds } from "./group-members";
import { knownTenantSize } from "./known-tenant-size";
import { loadAppCredentials } from "./settings/load-app-credentials";
import { recordTenantProof } from "./settings/record-tenant-proof";
import { listingBudget } from "./listing-budget";
import { PageCharges } from "./page-charges";
import { fullRoundPages } from "./sharded-round";

// Graph keeps directory delta state about 7 days; past 6 we do not trust it.
const deltaLinkMaxAgeMs = 6 * 24 * 60 * 60 * 1000;

/**
 * One attempt at an Entra run: token (msal, cached per customer), Graph
 * `/users/delta` page by page from the saved delta link when it is fresh,
 * with the guest and group options applied to each user. A full round (first
 * sync, Full resync, an expired link, Simulate) is read as parallel listings
 * from a delta anchor (sharded-round.ts). A round that completes proves the tenant.
 */
export async function openEntraRound(run: SyncRun): Promise<RoundSource> {
  const [{ settings, credentials }, country, tenantUsers] = await Promise.all([
    loadAppCredentials({ customerId: run.customerId }),
    // Read once a round: every page's numbers are normalised with it in the worker.
    getDefaultCountry({ customerId: run.customerId }),
    knownTenantSize({ customerId: run.customerId }),
  ]);
  const stats = emptyGraphCallStats();
  const client = graphClient(confidentialClient(credentials), { clientId: credentials.clientId, tenantId: credentials.tenantId, tenantUsers }, stats);

  const fresh = settings.deltaLink && settings.deltaLinkAt && Date.now() - settings.deltaLinkAt.getTime() < deltaLinkMaxAgeMs;
  const filter: GraphFilter = {
    skipGuests: settings.skipGuests,
    members:
      settings.groupFilter.length > 0
        ? await groupMemberIds(
            client,
            settings.groupFilter.map((g) => g.id),
          )
        : null,
  };

  return {
    round: run.trigger === "full_resync" || !fresh ? "full" : "delta",
    tenantId: settings.tenantId,
    skipDisabled: settings.skipDisabled,
    removalThresholdPercent: settings.removalThresholdPercent,
    read: (round) => {
      let reported = { ...stats };
      const takeThrottle = () => {
        const taken = {
          waits: stats.throttleWaits - reported.throttleWaits,
          waitMs: stats.throttleWaitMs - reported.throttleWaitMs,
          unavailable: stats.unavailableRetries - reported.unavailableRetries,
          budgetWaits: stats.budgetWaits - reported.budgetWaits,
          budgetWaitMs: stats.budgetWaitMs - reported.budgetWaitMs,
        };
        reported = { ...stats };
        return taken;
      };
      // Our own retries are of dropped connections and identity outages: Graph unavailable, not throttling.
      const onRetry = () => {
        stats.unavailableRetries++;
      };
      let readAs: string | null = null;
      const held = new PageCharges();
      const pages =
        round === "delta"
          ? deltaPages(client, { deltaLink: settings.deltaLink }, onRetry)
          : fullRoundPages({ client, shards: env().SYNC_SHARDS, budget: listingBudget(), held, onRetry, runId: run.id, readAs: (words) => (readAs = words) });
      const position: { deltaLink?: string } = {};
      return {
        entries: entriesOf(pages, filter, country, position, held),
        takeThrottle,
        held,
        position: () => {
          if (!position.deltaLink) throw new Error("Microsoft Graph ended the round without a delta link");
          return position.deltaLink;
        },
        readAs: () => readAs,
      };
    },
    positionExpired: (error) => error instanceof DeltaExpiredError,
    afterWalk: () => recordTenantProof(credentials),
  };
}

/** Graph's pages as entries to plan, noting the delta link the last page carries; a page's charge goes with its entries. */
async function* entriesOf(
  pages: AsyncIterable<DeltaPage>,
  filter: GraphFilter,
  country: CountryCode | null,
  position: { deltaLink?: string },
  held: PageCharges,
): AsyncGenerator<SourceEntry[]> {
  for await (const page of pages) {
    position.deltaLink = page.deltaLink ?? position.deltaLink;
    const entries = mapAndEmpty(page.items, (item) => fromGraph(item, filter, country));
    held.move(page.items, entries);
    yield entries;
  }
}
