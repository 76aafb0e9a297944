import "server-only";
import type { SyncRun } from "@/db/schema";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { loadAppCredentials } from "@/lib/entra-settings/load-app-credentials";
import { logger } from "@/lib/logger";
import { applyPage, loadExisting } from "./apply-page";
import { DeltaExpiredError, deltaPages } from "./delta-pages";
import { finishRun } from "./finish-run";
import { groupMemberIds } from "./group-members";
import { planPage, type PlanOptions } from "./plan-page";
import { readAhead } from "./read-ahead";
import { startAttempt } from "./run-records";

// Graph keeps directory delta state about 7 days; past 6 we do not trust it.
const deltaLinkMaxAgeMs = 6 * 24 * 60 * 60 * 1000;

/**
 * One attempt at a run: token (msal, cached per customer), Graph
 * `/users/delta` page by page, each page planned and written, then the
 * removals and the delta link decided at the end. Simulate runs the very same
 * path with directory writes turned off.
 */
export async function runSyncAttempt(run: SyncRun): Promise<"succeeded" | "needs_confirmation"> {
  const { settings, credentials } = await loadAppCredentials(run.customerId);
  const simulate = run.trigger === "simulate";
  const stats = { throttleWaits: 0, throttleWaitMs: 0 };
  const client = graphClient(confidentialClient(credentials), stats);

  const fresh = settings.deltaLink && settings.deltaLinkAt && Date.now() - settings.deltaLinkAt.getTime() < deltaLinkMaxAgeMs;
  let round: "full" | "delta" = run.trigger === "full_resync" || !fresh ? "full" : "delta";

  const options: PlanOptions = {
    skipGuests: settings.skipGuests,
    skipDisabled: settings.skipDisabled,
    members: settings.groupFilter.length > 0 ? await groupMemberIds(client, settings.groupFilter.map((g) => g.id)) : null,
  };

  // What a full round has seen; what it has not seen at the end was removed in Entra.
  // Object IDs only (about 100 bytes each), never the pages themselves.
  let seen = new Set<string>();
  const walk = async (): Promise<string> => {
    await startAttempt(run.id, round);
    seen = new Set();
    let deltaLink: string | undefined;
    let reported = { ...stats };
    const pages = deltaPages(client, { deltaLink: round === "delta" ? settings.deltaLink : null }, (ms) => {
      stats.throttleWaits++;
      stats.throttleWaitMs += ms;
    });
    for await (const page of readAhead(pages)) {
      const ids = page.items.map((item) => item.id.toLowerCase());
      const existing = await loadExisting(run.customerId, ids);
      const plan = planPage(page.items, existing, options);
      const throttle = { waits: stats.throttleWaits - reported.throttleWaits, waitMs: stats.throttleWaitMs - reported.throttleWaitMs };
      reported = { ...stats };
      await applyPage({ runId: run.id, customerId: run.customerId, tenantId: settings.tenantId, simulate, round, itemCount: page.items.length, throttle, existing }, plan);
      if (round === "full") for (const id of plan.seen) seen.add(id);
      deltaLink = page.deltaLink ?? deltaLink;
    }
    if (!deltaLink) throw new Error("Microsoft Graph ended the round without a delta link");
    return deltaLink;
  };

  let deltaLink: string;
  try {
    deltaLink = await walk();
  } catch (error) {
    if (!(error instanceof DeltaExpiredError) || round === "full") throw error;
    logger.info({ runId: run.id }, "delta link expired; falling back to a full round");
    round = "full";
    deltaLink = await walk();
  }
  return finishRun({ runId: run.id, customerId: run.customerId, round, seen, simulate, deltaLink, removalThresholdPercent: settings.removalThresholdPercent });
}
