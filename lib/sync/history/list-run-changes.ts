import "server-only";
import { and, asc, count, eq, inArray, ne } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges, syncRunCreatedPages, type SyncChangeKind } from "@/db/schema";
import { pageOf, type Page } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";
import { fieldChanges, type EntryWrite } from "../plan-page";

/** Changes on a page of a run: a change takes a line or two, so fifty still make a short page. */
export const runChangesPageSize = 50;

/** One entry's change in a run, as the run's page lists it. */
export type RunChange = { id: string; objectId: string; displayName: string | null; kind: SyncChangeKind; fields: Record<string, [unknown, unknown]> };

/**
 * What a run changed for whom (field → old, new), optionally one kind of
 * change only: first the entries it created (recorded a source page at a
 * time), then the other changes (a row each) kind by kind, so the page can
 * show them in groups, each kind in the order its changes were made.
 */
export async function listRunChanges({
  customerId,
  runId,
  kind,
  page = 1,
}: {
  customerId: string;
  runId: string;
  kind?: SyncChangeKind;
  page?: number;
}): Promise<Page<RunChange>> {
  const pageSize = runChangesPageSize;
  const from = (page - 1) * pageSize;
  const withCreated = kind === undefined || kind === "created";
  const createdPages = withCreated
    ? await db()
        .select({ id: syncRunCreatedPages.id, entryCount: syncRunCreatedPages.entryCount })
        .from(syncRunCreatedPages)
        .where(and(ofCustomer(syncRunCreatedPages, customerId), eq(syncRunCreatedPages.runId, runId)))
        .orderBy(asc(syncRunCreatedPages.id))
    : [];
  const createdTotal = createdPages.reduce((n, p) => n + p.entryCount, 0);

  const othersWhere = and(
    ofCustomer(syncRunChanges, customerId),
    eq(syncRunChanges.runId, runId),
    kind ? eq(syncRunChanges.kind, kind) : ne(syncRunChanges.kind, "created"),
  );
  const othersFrom = Math.max(0, from - createdTotal);
  const othersWanted = pageSize - Math.max(0, Math.min(pageSize, createdTotal - from));
  const [created, others, [othersTotal]] = await Promise.all([
    createdSlice(createdPages, from, pageSize),
    othersWanted > 0 && kind !== "created"
      ? db().select().from(syncRunChanges).where(othersWhere).orderBy(asc(syncRunChanges.kind), asc(syncRunChanges.id)).limit(othersWanted).offset(othersFrom)
      : [],
    kind === "created" ? [{ n: 0 }] : db().select({ n: count() }).from(syncRunChanges).where(othersWhere),
  ]);
  const rows: RunChange[] = [...created, ...others.map((c) => ({ ...c, id: String(c.id) }))];
  return pageOf(rows, createdTotal + (othersTotal?.n ?? 0), page, pageSize);
}

/** The created entries at positions [from, from + size) of the run's, reading only the pages of records that hold them. */
async function createdSlice(pages: { id: number; entryCount: number }[], from: number, size: number): Promise<RunChange[]> {
  const wanted: { id: number; first: number }[] = [];
  let first = 0;
  for (const p of pages) {
    if (first < from + size && first + p.entryCount > from) wanted.push({ id: p.id, first });
    first += p.entryCount;
  }
  if (wanted.length === 0) return [];
  const records = await db()
    .select({ id: syncRunCreatedPages.id, entries: syncRunCreatedPages.entries })
    .from(syncRunCreatedPages)
    .where(
      inArray(
        syncRunCreatedPages.id,
        wanted.map((w) => w.id),
      ),
    )
    .orderBy(asc(syncRunCreatedPages.id));
  return records.flatMap((record) => {
    const start = wanted.find((w) => w.id === record.id)!.first;
    // pageWriteStatement records the writes themselves.
    return (record.entries as EntryWrite[])
      .map((entry, i) => ({ entry, position: start + i, id: `${record.id}.${i}` }))
      .filter(({ position }) => position >= from && position < from + size)
      .map(({ entry, id }) => createdChange(id, entry));
  });
}

function createdChange(id: string, entry: EntryWrite): RunChange {
  return { id: `created-${id}`, objectId: entry.key, displayName: entry.displayName, kind: "created", fields: fieldChanges(null, entry) };
}
