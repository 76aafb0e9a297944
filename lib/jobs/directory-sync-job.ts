import "server-only";
import type { Queue } from "bullmq";
import { z } from "zod";
import { syncConnectors, type ConnectorId } from "@/db/schema";
import { env } from "@/lib/env";
import { createQueue } from "./queue-backend";

/**
 * The directory-sync job, defined once: the web app enqueues and schedules it,
 * the worker (workers/) runs it. Payloads carry IDs only — never a secret or a
 * token; the worker reads and decrypts the settings itself.
 */
export const directorySyncQueueName = "directory-sync";

export const directorySyncPayload = z.object({
  customerId: z.uuid(),
  // Schedulers saved before the Active Directory connector existed carry no connector: they are Entra's.
  // Those saved before its id was `active-directory` carry `ldap`.
  connector: z.preprocess((id) => (id === "ldap" ? "active-directory" : id), z.enum(syncConnectors).default("entra")),
  // Present for runs a manager started (the run row exists already); a
  // scheduled job has none and creates its run when it starts.
  runId: z.uuid().optional(),
});
export type DirectorySyncPayload = z.infer<typeof directorySyncPayload>;

let queue: Queue<DirectorySyncPayload> | undefined;

export function directorySyncQueue(): Queue<DirectorySyncPayload> {
  queue ??= createQueue<DirectorySyncPayload>(directorySyncQueueName);
  return queue;
}

/** Retries with exponential backoff; a job still failing after them leaves its run failed. */
export const jobRetryOptions = () => ({
  attempts: 4,
  backoff: { type: "exponential" as const, delay: env().SYNC_RETRY_DELAY_MS },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
});

/** `priority`: the company's lane by size (lib/sync/queue-priority.ts); lower goes first. */
export async function enqueueDirectorySync(payload: Required<DirectorySyncPayload>, priority: number): Promise<void> {
  await directorySyncQueue().add("sync", payload, { ...jobRetryOptions(), jobId: payload.runId, priority });
}

/**
 * Schedulers keep the IDs they were saved under, so a saved schedule is found
 * again: Entra's from before there were two connectors, Active Directory's
 * from when its id was `ldap`. Any other connector's is `directory-sync:<id>:<customer>`.
 */
const savedSchedulerIds: Partial<Record<ConnectorId, (customerId: string) => string>> = {
  entra: (customerId) => `directory-sync:${customerId}`,
  "active-directory": (customerId) => `directory-sync:ldap:${customerId}`,
};
const schedulerId = (customerId: string, connector: ConnectorId) => savedSchedulerIds[connector]?.(customerId) ?? `directory-sync:${connector}:${customerId}`;

export async function scheduleDirectorySync({
  customerId,
  connector,
  pattern,
  timeZone,
  priority,
}: {
  customerId: string;
  connector: ConnectorId;
  pattern: string;
  timeZone: string;
  priority: number;
}): Promise<void> {
  await directorySyncQueue().upsertJobScheduler(
    schedulerId(customerId, connector),
    { pattern, tz: timeZone },
    { name: "scheduled-sync", data: { customerId, connector }, opts: { ...jobRetryOptions(), priority } },
  );
}

/** A company that grew or shrank past a lane's bound moves its schedule's next jobs to the new lane. */
export async function keepSchedulePriority({
  customerId,
  connector,
  priority,
}: {
  customerId: string;
  connector: ConnectorId;
  priority: number;
}): Promise<void> {
  const scheduler = await directorySyncQueue().getJobScheduler(schedulerId(customerId, connector));
  if (!scheduler?.pattern || scheduler.template?.opts?.priority === priority) return;
  await scheduleDirectorySync({ customerId, connector, pattern: scheduler.pattern, timeZone: scheduler.tz ?? "UTC", priority });
}

export async function unscheduleDirectorySync({ customerId, connector }: { customerId: string; connector: ConnectorId }): Promise<void> {
  await directorySyncQueue().removeJobScheduler(schedulerId(customerId, connector));
}

export async function nextScheduledSync({ customerId, connector }: { customerId: string; connector: ConnectorId }): Promise<Date | null> {
  const scheduler = await directorySyncQueue().getJobScheduler(schedulerId(customerId, connector));
  return scheduler?.next ? new Date(scheduler.next) : null;
}

/** Whether BullMQ still holds a run's job (queued, active, delayed for retry). */
export async function runJobIsAlive(jobId: string): Promise<boolean> {
  const job = await directorySyncQueue().getJob(jobId);
  if (!job) return false;
  const state = await job.getState();
  return state !== "completed" && state !== "failed" && state !== "unknown";
}
