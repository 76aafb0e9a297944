import "server-only";
import type { Queue } from "bullmq";
import { z } from "zod";
import { env } from "@/lib/env";
import { createQueue } from "@/lib/jobs/queue-backend";

/**
 * The real-time jobs, defined once: the notification endpoint and the screen
 * enqueue them, the worker runs them (process-realtime-job.ts). Payloads carry
 * IDs only; the clientState and the app's secret stay in the database.
 */
export const realtimeQueueName = "graph-notifications";

export const lifecycleEvents = ["reauthorizationRequired", "subscriptionRemoved", "missed"] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

export const realtimePayload = z.discriminatedUnion("kind", [
  // A burst of change notifications: one delta run.
  z.object({ kind: z.literal("delta"), customerId: z.uuid() }),
  z.object({ kind: z.literal("lifecycle"), customerId: z.uuid(), event: z.enum(lifecycleEvents) }),
  // Create, renew, recreate or delete the customer's subscription, as its settings say.
  z.object({ kind: z.literal("keep"), customerId: z.uuid() }),
  // The periodic pass that keeps every customer's subscription.
  z.object({ kind: z.literal("keep-all") }),
]);
export type RealtimePayload = z.infer<typeof realtimePayload>;

let queue: Queue<RealtimePayload> | undefined;
export function realtimeQueue(): Queue<RealtimePayload> {
  queue ??= createQueue<RealtimePayload>(realtimeQueueName);
  return queue;
}

const retries = { attempts: 4, backoff: { type: "exponential" as const, delay: 2000 }, removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } };

/**
 * The first notification of a burst schedules a delta run REALTIME_DEBOUNCE_MS
 * later; the others within that window are the same job (BullMQ
 * deduplication, throttle mode), so fifty changes make one run.
 */
export async function enqueueNotifiedDelta(customerId: string): Promise<void> {
  const window = Math.max(1, env().REALTIME_DEBOUNCE_MS);
  await realtimeQueue().add("delta", { kind: "delta", customerId }, { ...retries, delay: window, deduplication: { id: `delta:${customerId}`, ttl: window } });
}

export async function enqueueLifecycle(customerId: string, event: LifecycleEvent): Promise<void> {
  // Graph may send the same event more than once; one job a minute is enough.
  await realtimeQueue().add(
    "lifecycle",
    { kind: "lifecycle", customerId, event },
    { ...retries, deduplication: { id: `lifecycle:${customerId}:${event}`, ttl: 60_000 } },
  );
}

/** One keep job per customer at a time: two could create two subscriptions. */
export async function enqueueKeepSubscription(customerId: string): Promise<void> {
  await realtimeQueue().add("keep", { kind: "keep", customerId }, { ...retries, deduplication: { id: `keep:${customerId}` } });
}

/** Every 30 minutes: far more often than a subscription (29 days, renewed 3 days before) needs. */
export async function scheduleKeepAll(): Promise<void> {
  await realtimeQueue().upsertJobScheduler(
    "graph-subscriptions:keep-all",
    { every: 30 * 60_000 },
    { name: "keep-all", data: { kind: "keep-all" }, opts: retries },
  );
}
