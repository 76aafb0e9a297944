import type { Worker } from "bullmq";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll } from "vitest";
import { db } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { createWorker } from "@/lib/jobs/queue-backend";
import { webhookQueueName, type WebhookJobPayload } from "@/lib/jobs/webhook-jobs";
import { webhookEventTypes } from "@/lib/webhook-events/event-types";
import { endpointInput } from "@/lib/webhooks/endpoint-input";
import { createEndpoint } from "@/lib/webhooks/endpoints";
import { processWebhookJob } from "@/lib/webhooks/process-webhook-job";
import type { startWebhookReceiver } from "./webhook-receiver";

/** The worker's webhooks queue, in the test's process: events are emitted, delivered and signed as in production. */
export const startWebhookWorker = () =>
  createWorker<WebhookJobPayload>(webhookQueueName, processWebhookJob, { concurrency: 8, lockDuration: 5000, stalledInterval: 5000 });

/** The webhooks worker for a whole test file: started before its tests, closed after; the getter is for a test that pauses it. */
export function webhookWorkerOfFile(): () => Worker<WebhookJobPayload> {
  let worker: Worker<WebhookJobPayload>;
  beforeAll(() => {
    worker = startWebhookWorker();
  });
  afterAll(async () => {
    await worker.close();
  });
  return () => worker;
}

/** An endpoint's deliveries as the database holds them. */
export const deliveriesOf = (endpointId: string) => db().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

/** A company's endpoint at the receiver, hearing of every event; the receiver learns its secret to check signatures. */
export async function endpointFor(manager: CustomerActor, receiver: Awaited<ReturnType<typeof startWebhookReceiver>>): Promise<string> {
  const { id, secret } = await createEndpoint(manager, endpointInput.parse({ url: receiver.url, description: "PBX", eventTypes: webhookEventTypes.join(",") }));
  receiver.setSecret(secret);
  return id;
}
