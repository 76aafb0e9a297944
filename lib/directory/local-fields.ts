import type { DirectoryEntry } from "@/db/schema";

/**
 * Fields that exist only in the portal. On an entry that came from Entra (or
 * SCIM) everything else is owned by the source and would be overwritten by the
 * next sync, so only these may be edited by hand.
 */
export const localFields = ["extension"] as const satisfies readonly (keyof DirectoryEntry)[];

export function isSynced(entry: Pick<DirectoryEntry, "source">): boolean {
  return entry.source !== "manual";
}
