import "server-only";
import type { Job } from "bullmq";
import { deliverPayload, runEventsPayload, type DeliverPayload, type WebhookJobPayload } from "@/lib/jobs/webhook-jobs";
import { deliverOnce } from "./deliver";
import { emitRunEvents } from "@/lib/webhook-events/run-events";
import { sweepLostEvents } from "@/lib/webhook-events/sweep-lost-events";

/** The worker's handler for the webhooks queue (lib/jobs/webhook-jobs.ts). */
export async function processWebhookJob(job: Job<WebhookJobPayload>, token?: string): Promise<void> {
  if (job.name === "run-events") {
    await emitRunEvents(runEventsPayload.parse(job.data));
    return;
  }
  if (job.name === "sweep") {
    await sweepLostEvents();
    return;
  }
  deliverPayload.parse(job.data);
  await deliverOnce(job as Job<DeliverPayload>, token);
}
