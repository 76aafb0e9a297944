import type { DirectoryStatus, SyncChangeKind } from "@/db/schema";
import type { SourceAttributes } from "@/db/schema";
import { sameAttributes, sameAttributeValue, syncedFieldNames, type SourceEntry, type SyncedFields } from "./synced-fields";

/** A synced entry as it stands in the directory before the page is applied. */
export type ExistingEntry = SyncedFields & { id: string; key: string; status: DirectoryStatus; source: string; lastRunId?: string | null };

export type PlanOptions = {
  /** Do not add accounts that are disabled in the source; ones already listed show as disabled. */
  skipDisabled: boolean;
  /**
   * The run, if it writes: an entry it wrote already (an attempt before a
   * retry, or the same user delivered twice) is counted where it was written,
   * as created or changed, and is not "unchanged" on top.
   */
  runId?: string | null;
};

export type EntryWrite = SyncedFields & { key: string; status: DirectoryStatus };
export type PlannedChange = { objectId: string; displayName: string; kind: SyncChangeKind; fields: Record<string, [unknown, unknown]> };
export type PendingRemoval = { objectId: string; entryId: string; displayName: string };

export type PagePlan = {
  /** New entries: written, and recorded together as the page's created entries. */
  creates: EntryWrite[];
  /** Entries that change, each with its field changes in `changes`. */
  updates: EntryWrite[];
  changes: PlannedChange[];
  /** Keys this round keeps in the directory (a full round removes the rest at its end). */
  seen: string[];
  /** Removals are never written per page: they wait for the run to complete. */
  removals: PendingRemoval[];
  counts: { created: number; updated: number; disabled: number; unchanged: number; skipped: number };
};

/**
 * What one page of a connector's users means for the directory — pure, so
 * every rule is tested without a database. Only entries that would really
 * change are written; a change delivered twice (in one page or across runs)
 * is a no-op the second time. Entries owned by another source are never touched.
 */
export function planPage(entries: readonly SourceEntry[], existing: ReadonlyMap<string, ExistingEntry>, options: PlanOptions, source: string): PagePlan {
  const plan: PagePlan = {
    creates: [],
    updates: [],
    changes: [],
    seen: [],
    removals: [],
    counts: { created: 0, updated: 0, disabled: 0, unchanged: 0, skipped: 0 },
  };

  // A source may deliver a user more than once; the last delivery is the truth.
  const latest = new Map<string, SourceEntry>();
  for (const entry of entries) latest.set(entry.key, entry);

  for (const [key, entry] of latest) {
    const current = existing.get(key);
    if (current && current.source !== source) {
      plan.counts.skipped++;
      continue;
    }
    // Skipping disabled accounts means not adding them; one already listed shows as disabled.
    const excluded = entry.removed || entry.filteredOut || (options.skipDisabled && entry.status === "disabled" && !current);
    if (excluded) {
      if (current && current.status !== "removed") {
        plan.removals.push({ objectId: key, entryId: current.id, displayName: current.displayName });
      } else {
        plan.counts.skipped++;
      }
      continue;
    }
    plan.seen.push(key);
    // The fields spread last: a literal given more properties after a spread gets a hidden class of its own (V8).
    const next: EntryWrite = { key, status: entry.status, ...entry.fields };
    if (!current) {
      plan.creates.push(next);
      plan.counts.created++;
      continue;
    }
    const fields = fieldChanges(current, next);
    if (Object.keys(fields).length === 0) {
      // Written by this very run (an attempt before a retry, or an earlier page): counted there already.
      if (!options.runId || current.lastRunId !== options.runId) plan.counts.unchanged++;
      continue;
    }
    plan.updates.push(next);
    const kind = changeKind(current.status, next.status);
    plan.changes.push({ objectId: key, displayName: next.displayName, kind, fields });
    if (kind === "disabled") plan.counts.disabled++;
    else plan.counts.updated++;
  }
  return plan;
}

/** What a status change makes of an entry's change record (and its webhook event). A sync records its removals at the run's end; SCIM's DELETE removes at once. */
export function changeKind(from: DirectoryStatus, to: DirectoryStatus): SyncChangeKind {
  if (from === to) return "updated";
  if (to === "disabled" || to === "removed") return to;
  return from === "removed" ? "restored" : "enabled";
}

type Comparable = SyncedFields & { status: DirectoryStatus };

/**
 * Each synced field (and the status) that differs, as [old, new]; from nothing, every field that has a value.
 * Attributes are told apart key by key (`attributes.manager`), so the run's history says which one changed.
 * `more` names further columns a source writes (SCIM's externalId, costCenter…), compared the same way.
 */
export function fieldChanges<After extends Comparable>(
  before: Comparable | null,
  after: After,
  more: readonly Exclude<keyof After & string, keyof Comparable>[] = [],
): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  const valueOf = (entry: Comparable, field: string) => (entry as Record<string, unknown>)[field];
  for (const field of [...syncedFieldNames, "status", ...more]) {
    if (field === "attributes") continue;
    const old = before ? valueOf(before, field) : null;
    const next = valueOf(after, field);
    // Lists (the numbers in E.164) compare item by item; from nothing, an empty list is no change.
    const emptyList = (v: unknown) => Array.isArray(v) && v.length === 0;
    if (!before && emptyList(next)) continue;
    if (!sameAttributeValue(old ?? null, next ?? null)) out[field] = [old ?? null, next ?? null];
  }
  if (!sameAttributes(before?.attributes, after.attributes)) attributeChanges(before?.attributes ?? {}, after.attributes ?? {}, out);
  return out;
}

function attributeChanges(before: SourceAttributes, after: SourceAttributes, out: Record<string, [unknown, unknown]>): void {
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = Object.hasOwn(before, key) ? before[key]! : null;
    const next = Object.hasOwn(after, key) ? after[key]! : null;
    if (!sameAttributeValue(old, next)) out[`attributes.${key}`] = [old, next];
  }
}
