import type { SyncTrigger } from "@/db/schema";

/** An Active Directory run reads everything every time: an "import", never a delta "sync". */
export const ldapTriggerLabel: Record<SyncTrigger, string> = {
  schedule: "Scheduled import",
  one_time: "One-time import",
  simulate: "Simulate",
  full_resync: "Full import",
};
