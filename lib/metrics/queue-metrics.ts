import "server-only";
import { directorySyncQueue } from "@/lib/jobs/directory-sync-job";
import { syncQueueJobs } from "./metrics";

const states = ["waiting", "prioritized", "active", "delayed", "failed"] as const;

/** The queue's depth, read when Prometheus scrapes (any process may: the queue is shared). */
export async function refreshQueueMetrics(): Promise<void> {
  const counts = await directorySyncQueue().getJobCounts(...states);
  for (const state of states) syncQueueJobs.set({ state }, counts[state] ?? 0);
}
