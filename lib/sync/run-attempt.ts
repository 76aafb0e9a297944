import "server-only";
import type { SyncRun } from "@/db/schema";
import { logger } from "@/lib/logger";
import type { Connector } from "./connector";
import { finishRun } from "./finish-run";
import { walkPages } from "./walk-pages";

/**
 * One attempt at a run, the same for every connector: the connector opens its
 * round (settings, secrets, full or delta), the engine walks its pages, and
 * the removals and the connector's position are decided at the end. A delta
 * round whose saved position the source no longer knows starts again as a
 * full round. Provisioning (the connector's) follows the directory: users
 * are created and restored once the pages are in, and suspended or deleted
 * with the removals. Simulate runs the very same path with writes turned off.
 */
export async function runAttempt(connector: Connector, run: SyncRun): Promise<"succeeded" | "needs_confirmation"> {
  const source = await connector.openRound(run);
  const simulate = run.trigger === "simulate";
  let round = source.round;

  const walk = async () => {
    const pages = source.read(round);
    const walked = await walkPages(
      {
        runId: run.id,
        customerId: run.customerId,
        connector,
        tenantId: source.tenantId,
        simulate,
        round,
        options: { skipDisabled: source.skipDisabled },
        takeThrottle: pages.takeThrottle,
        held: pages.held,
      },
      pages.entries,
    );
    return { ...walked, position: pages.position(), readAs: pages.readAs?.() ?? null };
  };

  let result: Awaited<ReturnType<typeof walk>>;
  try {
    result = await walk();
  } catch (error) {
    if (round === "full" || !source.positionExpired(error)) throw error;
    logger.info({ runId: run.id }, "saved position expired; falling back to a full round");
    round = "full";
    result = await walk();
  }
  await source.afterWalk?.({ seen: result.seen, simulate });
  // Before the run is final, so a run that says "succeeded" has its users too; suspensions wait for the removals (finishRun).
  const provisioned = await connector.provisioning?.afterPages({ run, round, simulate, seen: result.seen });
  return finishRun({
    runId: run.id,
    customerId: run.customerId,
    connector,
    round,
    ...result,
    simulate,
    removalThresholdPercent: source.removalThresholdPercent,
    leftScope: provisioned?.leftScope ?? [],
  });
}
