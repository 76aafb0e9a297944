import "server-only";
import type { SyncRun } from "@/db/schema";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { loadAppCredentials } from "@/lib/entra-settings/load-app-credentials";
import { recordTenantProof } from "@/lib/entra-settings/record-tenant-proof";
import { logger } from "@/lib/logger";
import { DeltaExpiredError, deltaPages, type DeltaPage } from "./delta-pages";
import { finishRun } from "./finish-run";
import { fromGraph, type GraphFilter } from "./graph-user";
import { groupMemberIds } from "./group-members";
import type { SourceEntry } from "./synced-fields";
import { walkPages, type WalkResult } from "./walk-pages";

// Graph keeps directory delta state about 7 days; past 6 we do not trust it.
const deltaLinkMaxAgeMs = 6 * 24 * 60 * 60 * 1000;

/**
 * One attempt at an Entra run: token (msal, cached per customer), Graph
 * `/users/delta` page by page through the shared walk, then the removals and
 * the delta link decided at the end. Simulate runs the very same path with
 * directory writes turned off.
 */
export async function runSyncAttempt(run: SyncRun): Promise<"succeeded" | "needs_confirmation"> {
  const { settings, credentials } = await loadAppCredentials(run.customerId);
  const simulate = run.trigger === "simulate";
  const stats = { throttleWaits: 0, throttleWaitMs: 0, unavailableRetries: 0 };
  const client = graphClient(confidentialClient(credentials), stats);

  const fresh = settings.deltaLink && settings.deltaLinkAt && Date.now() - settings.deltaLinkAt.getTime() < deltaLinkMaxAgeMs;
  let round: "full" | "delta" = run.trigger === "full_resync" || !fresh ? "full" : "delta";

  const filter: GraphFilter = {
    skipGuests: settings.skipGuests,
    members: settings.groupFilter.length > 0 ? await groupMemberIds(client, settings.groupFilter.map((g) => g.id)) : null,
  };

  const walk = async () => {
    let reported = { ...stats };
    const takeThrottle = () => {
      const taken = {
        waits: stats.throttleWaits - reported.throttleWaits,
        waitMs: stats.throttleWaitMs - reported.throttleWaitMs,
        unavailable: stats.unavailableRetries - reported.unavailableRetries,
      };
      reported = { ...stats };
      return taken;
    };
    // Our own retries are of dropped connections and identity outages: Graph unavailable, not throttling.
    const pages = deltaPages(client, { deltaLink: round === "delta" ? settings.deltaLink : null }, () => {
      stats.unavailableRetries++;
    });
    const position: { deltaLink?: string } = {};
    const walked = await walkPages(
      { runId: run.id, customerId: run.customerId, connector: "entra", tenantId: settings.tenantId, simulate, round, options: { skipDisabled: settings.skipDisabled }, takeThrottle },
      entriesOf(pages, filter, position),
    );
    if (!position.deltaLink) throw new Error("Microsoft Graph ended the round without a delta link");
    return { ...walked, deltaLink: position.deltaLink };
  };

  let result: WalkResult & { deltaLink: string };
  try {
    result = await walk();
  } catch (error) {
    if (!(error instanceof DeltaExpiredError) || round === "full") throw error;
    logger.info({ runId: run.id }, "delta link expired; falling back to a full round");
    round = "full";
    result = await walk();
  }
  await recordTenantProof(credentials);
  return finishRun({ runId: run.id, customerId: run.customerId, connector: "entra", round, ...result, simulate, removalThresholdPercent: settings.removalThresholdPercent });
}

/** Graph's pages as entries to plan, noting the delta link the last page carries. */
async function* entriesOf(pages: AsyncIterable<DeltaPage>, filter: GraphFilter, position: { deltaLink?: string }): AsyncGenerator<SourceEntry[]> {
  for await (const page of pages) {
    position.deltaLink = page.deltaLink ?? position.deltaLink;
    yield page.items.map((item) => fromGraph(item, filter));
  }
}
