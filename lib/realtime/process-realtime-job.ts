import "server-only";
import type { Job } from "bullmq";
import { db } from "@/db/client";
import { entraSettings, graphSubscriptions } from "@/db/schema";
import { logger } from "@/lib/logger";
import { enqueueKeepSubscription, enqueueNotifiedDelta, realtimePayload, type RealtimePayload } from "./realtime-job";
import { keepSubscription } from "./keep-subscription";
import { startNotifiedRun } from "./start-notified-run";
import { noSubscription, updateSubscriptionRow } from "./subscription-row";

/**
 * The worker's handler for real-time jobs. Lifecycle events, as Graph's
 * documentation says to meet them: reauthorizationRequired → renew now
 * (which reauthorizes); subscriptionRemoved → create a new one; missed →
 * a delta run, which reads whatever the lost notifications were about.
 */
export async function processRealtimeJob(job: Job<RealtimePayload>): Promise<unknown> {
  const payload = realtimePayload.parse(job.data);
  switch (payload.kind) {
    case "delta":
      return startNotifiedRun(payload);
    case "keep":
      return keepSubscription(payload);
    case "keep-all":
      return keepEveryone();
    case "lifecycle": {
      logger.info({ customerId: payload.customerId, event: payload.event }, "graph lifecycle event");
      if (payload.event === "missed") return enqueueNotifiedDelta(payload.customerId);
      if (payload.event === "subscriptionRemoved") await updateSubscriptionRow(payload.customerId, noSubscription);
      return keepSubscription({ customerId: payload.customerId, force: true });
    }
  }
}

/** Every customer that uses MS AAD or has a subscription row: each gets its own keep job. */
async function keepEveryone(): Promise<number> {
  // The one query across customers: the periodic pass has no customer of its own, and reads only IDs.
  const using = await db().select({ customerId: entraSettings.customerId }).from(entraSettings);
  const subscribed = await db().select({ customerId: graphSubscriptions.customerId }).from(graphSubscriptions);
  const customers = new Set([...using, ...subscribed].map((row) => row.customerId));
  for (const customerId of customers) await enqueueKeepSubscription(customerId);
  return customers.size;
}
