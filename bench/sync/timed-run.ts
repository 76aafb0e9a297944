import type { SyncRun } from "../../db/schema";
import type { CustomerActor } from "../../lib/actor";
import { getRunById } from "../../lib/sync/run-records";
import { startRun } from "../../lib/sync/start-run";
import { connectorOf } from "../../lib/connectors/registry";

export type TimedRun = { run: SyncRun; ms: number };

/**
 * Starts a One-time Sync as a manager's click does and waits for its end. The
 * time is the run's own record, from queued (the database's clock, at the
 * click) to finished (the worker's, same machine): everything a manager
 * waits for, with no polling interval in it.
 */
export async function timedRun(manager: CustomerActor, timeoutMs = 15 * 60_000): Promise<TimedRun> {
  const { id } = await startRun(manager, "one_time", connectorOf("entra"));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = (await getRunById({ customerId: manager.customerId, runId: id }))!;
    if (run.status === "succeeded") return { run, ms: run.finishedAt!.getTime() - run.queuedAt.getTime() };
    if (!["queued", "running"].includes(run.status)) throw new Error(`Run ${id} ended ${run.status}: ${run.errorCode} ${run.error}`);
    if (Date.now() > deadline) throw new Error(`Run ${id} still ${run.status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
