import type { SyncTrigger } from "@/db/schema";

export const triggerLabel: Record<SyncTrigger, string> = {
  schedule: "Scheduled",
  one_time: "One-time Sync",
  simulate: "Simulate",
  full_resync: "Full resync",
};
