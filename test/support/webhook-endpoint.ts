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

/** A company's endpoint at the receiver, hearing of every event; the receiver learns its secret to check signatures. */
export async function endpointFor(manager: CustomerActor, receiver: Awaited<ReturnType<typeof startWebhookReceiver>>): Promise<string> {
  const { id, secret } = await createEndpoint(manager, endpointInput.parse({ url: receiver.url, description: "PBX", eventTypes: webhookEventTypes.join(",") }));
  receiver.setSecret(secret);
  return id;
}
