import "server-only";
import type { Queue } from "bullmq";
import { z } from "zod";
import { env } from "@/lib/env";
import { createQueue } from "./queue-backend";

/**
 * The webhook jobs, defined once: the web app and the sync enqueue them, the
 * worker runs them (lib/webhooks/process-webhook-job.ts). Payloads carry IDs
 * only; the worker reads the event and unseals the signing secret itself.
 *
 * - `run-events`: a sync run ended; turns what it changed into events, in
 *   the database, one job per run however many entries it touched.
 * - `deliver`: one event to one endpoint, retried with exponential backoff.
 * - `sweep`: every minute, enqueues again what a lost enqueue left behind
 *   (lib/webhook-events/sweep-lost-events.ts).
 */
export const webhookQueueName = "webhooks";

export const runEventsPayload = z.object({
  customerId: z.uuid(),
  runId: z.uuid(),
  // Which of the run's ends: confirmed runs send the removals that waited for the manager.
  outcome: z.enum(["succeeded", "failed", "needs_confirmation", "confirmed"]),
});
export type RunEventsPayload = z.infer<typeof runEventsPayload>;

export const deliverPayload = z.object({ customerId: z.uuid(), deliveryId: z.number().int().positive() });
export type DeliverPayload = z.infer<typeof deliverPayload>;

/** The sweep carries nothing: it looks at every company's rows. */
export type SweepPayload = Record<string, never>;

export type WebhookJobPayload = RunEventsPayload | DeliverPayload | SweepPayload;

let queue: Queue<WebhookJobPayload> | undefined;

export function webhookQueue(): Queue<WebhookJobPayload> {
  queue ??= createQueue<WebhookJobPayload>(webhookQueueName);
  return queue;
}

/** A delivery's retries: exponential backoff from WEBHOOK_RETRY_DELAY_MS, WEBHOOK_MAX_ATTEMPTS in all (about two days by default). */
export const deliveryRetryOptions = () => ({
  attempts: env().WEBHOOK_MAX_ATTEMPTS,
  backoff: { type: "exponential" as const, delay: env().WEBHOOK_RETRY_DELAY_MS },
  removeOnComplete: true,
  removeOnFail: { count: 1000 },
});

export async function enqueueRunEvents(payload: RunEventsPayload): Promise<void> {
  await webhookQueue().add("run-events", payload, {
    attempts: 5,
    backoff: { type: "exponential", delay: 1000 },
    jobId: `run-events-${payload.runId}-${payload.outcome}`,
    removeOnComplete: true,
    removeOnFail: { count: 1000 },
  });
}

/** One job per delivery, its ID the delivery's: a delivery enqueued twice is one job. */
export async function enqueueDeliveries(customerId: string, deliveryIds: number[]): Promise<void> {
  const opts = deliveryRetryOptions();
  for (let i = 0; i < deliveryIds.length; i += 1000) {
    await webhookQueue().addBulk(
      deliveryIds
        .slice(i, i + 1000)
        .map((deliveryId) => ({ name: "deliver", data: { customerId, deliveryId }, opts: { ...opts, jobId: `delivery-${deliveryId}` } })),
    );
  }
}

/** The sweep, once a minute: what a lost enqueue left behind goes out within two minutes or so. */
export async function scheduleWebhookSweep(): Promise<void> {
  await webhookQueue().upsertJobScheduler(
    "webhooks:sweep",
    { every: 60_000 },
    { name: "sweep", data: {}, opts: { removeOnComplete: true, removeOnFail: { count: 100 } } },
  );
}
