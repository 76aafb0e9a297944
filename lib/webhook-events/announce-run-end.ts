import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { enqueueRunEvents, type RunEventsPayload } from "@/lib/jobs/webhook-jobs";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";

/**
 * Called as a sync run ends: one job that turns the run's changes into
 * webhook events (lib/webhooks/run-events.ts), and only when the customer
 * has an endpoint. Never throws: the run's outcome stands whatever the queue
 * says, and the failure is logged.
 */
export async function announceRunEnd(payload: RunEventsPayload): Promise<void> {
  try {
    const [listening] = await db()
      .select({ id: webhookEndpoints.id })
      .from(webhookEndpoints)
      .where(and(ofCustomer(webhookEndpoints, payload.customerId), eq(webhookEndpoints.enabled, true)))
      .limit(1);
    if (listening) await enqueueRunEvents(payload);
  } catch (error) {
    logger.warn({ runId: payload.runId, customerId: payload.customerId, err: { name: (error as Error)?.name } }, "webhook events of a run not queued");
  }
}
