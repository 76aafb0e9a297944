import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { enqueueDirectorySync } from "@/lib/jobs/directory-sync-job";
import { logger } from "@/lib/logger";
import { createRunReclaiming } from "@/lib/sync/create-run-reclaiming";
import { RunAlreadyActiveError } from "@/lib/sync/run-records";
import { ofCustomer } from "@/lib/tenancy";
import { enqueueNotifiedDelta } from "./realtime-job";
import { getSubscriptionRow } from "./subscription-row";
import { syncPriority } from "@/lib/sync/queue-priority";

/**
 * The run a burst of change notifications makes: an ordinary Entra run (a
 * delta round when a delta link is kept), so the delta query stays the truth
 * and a lost notification is caught by the next run. While another run is
 * active (the run row is the lock) it tries again one debounce window later,
 * since that run may have read the tenant before the change.
 */
export async function startNotifiedRun({ customerId }: { customerId: string }): Promise<"started" | "waiting" | "off"> {
  const row = await getSubscriptionRow({ customerId });
  if (!row?.enabled || !row.subscriptionId) return "off";
  let runId: string;
  try {
    runId = (await createRunReclaiming({ customerId, connector: "entra", trigger: "notification" })).id;
  } catch (error) {
    if (!(error instanceof RunAlreadyActiveError)) throw error;
    await enqueueNotifiedDelta(customerId);
    return "waiting";
  }
  try {
    await enqueueDirectorySync({ customerId, connector: "entra", runId }, await syncPriority({ customerId }));
  } catch (error) {
    logger.error({ customerId, runId }, "could not enqueue the notified sync");
    await db()
      .delete(syncRuns)
      .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.id, runId)));
    throw error;
  }
  return "started";
}
