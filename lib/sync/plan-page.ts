import type { DirectoryStatus, SyncChangeKind } from "@/db/schema";
import { statusOf, syncedFieldNames, toSyncedFields, type DeltaItem, type SyncedFields } from "./graph-user";

/** A synced entry as it stands in the directory before the page is applied. */
export type ExistingEntry = SyncedFields & { id: string; aadObjectId: string; status: DirectoryStatus; source: string };

export type PlanOptions = {
  skipGuests: boolean;
  skipDisabled: boolean;
  /** Transitive members of the chosen groups, or null for everyone. */
  members: ReadonlySet<string> | null;
};

export type EntryWrite = SyncedFields & { aadObjectId: string; status: DirectoryStatus };
export type PlannedChange = { aadObjectId: string; displayName: string; kind: SyncChangeKind; fields: Record<string, [unknown, unknown]> };
export type PendingRemoval = { aadObjectId: string; entryId: string; displayName: string };

export type PagePlan = {
  writes: EntryWrite[];
  changes: PlannedChange[];
  /** Object IDs this round keeps in the directory (a full round removes the rest at its end). */
  seen: string[];
  /** Removals are never written per page: they wait for the run to complete. */
  removals: PendingRemoval[];
  counts: { created: number; updated: number; disabled: number; unchanged: number; skipped: number };
};

/**
 * What one page of Graph users means for the directory — pure, so every rule
 * is tested without a database. Only entries that would really change are
 * written; a change delivered twice (in one page or across runs) is a no-op
 * the second time. Entries owned by another source are never touched.
 */
export function planPage(items: readonly DeltaItem[], existing: ReadonlyMap<string, ExistingEntry>, options: PlanOptions): PagePlan {
  const plan: PagePlan = { writes: [], changes: [], seen: [], removals: [], counts: { created: 0, updated: 0, disabled: 0, unchanged: 0, skipped: 0 } };

  // Delta may deliver a user more than once; the last delivery is the truth.
  const latest = new Map<string, DeltaItem>();
  for (const item of items) latest.set(item.id.toLowerCase(), item);

  for (const [id, item] of latest) {
    const current = existing.get(id);
    if (current && current.source !== "entra") {
      plan.counts.skipped++;
      continue;
    }
    const excluded = item["@removed"] !== undefined || isExcluded(item, options, current);
    if (excluded) {
      if (current && current.status !== "removed") {
        plan.removals.push({ aadObjectId: id, entryId: current.id, displayName: current.displayName });
      } else {
        plan.counts.skipped++;
      }
      continue;
    }
    plan.seen.push(id);
    const next: EntryWrite = { ...toSyncedFields(item), aadObjectId: id, status: statusOf(item) };
    if (!current) {
      plan.writes.push(next);
      plan.changes.push({ aadObjectId: id, displayName: next.displayName, kind: "created", fields: diff(null, next) });
      plan.counts.created++;
      continue;
    }
    const fields = diff(current, next);
    if (Object.keys(fields).length === 0) {
      plan.counts.unchanged++;
      continue;
    }
    plan.writes.push(next);
    const kind = changeKind(current.status, next.status);
    plan.changes.push({ aadObjectId: id, displayName: next.displayName, kind, fields });
    if (kind === "disabled") plan.counts.disabled++;
    else plan.counts.updated++;
  }
  return plan;
}

function isExcluded(user: DeltaItem, options: PlanOptions, current: ExistingEntry | undefined): boolean {
  if (options.skipGuests && user.userType === "Guest") return true;
  if (options.members && !options.members.has(user.id.toLowerCase())) return true;
  // Skipping disabled accounts means not adding them; one already listed shows as disabled.
  if (options.skipDisabled && user.accountEnabled === false && !current) return true;
  return false;
}

function changeKind(from: DirectoryStatus, to: DirectoryStatus): SyncChangeKind {
  if (from === to) return "updated";
  if (to === "disabled") return "disabled";
  return from === "removed" ? "restored" : "enabled";
}

function diff(before: (SyncedFields & { status: DirectoryStatus }) | null, after: EntryWrite): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  for (const field of [...syncedFieldNames, "status"] as const) {
    const old = before ? before[field] : null;
    if ((old ?? null) !== (after[field] ?? null)) out[field] = [old ?? null, after[field] ?? null];
  }
  return out;
}
