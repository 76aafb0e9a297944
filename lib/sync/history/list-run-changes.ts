import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges, type SyncChangeKind } from "@/db/schema";
import { pageOf, pageSize } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

/** What a run changed for whom (field → old, new), optionally one kind of change only. */
export async function listRunChanges({ customerId, runId, kind, page = 1 }: { customerId: string; runId: string; kind?: SyncChangeKind; page?: number }) {
  const where = and(ofCustomer(syncRunChanges, customerId), eq(syncRunChanges.runId, runId), kind ? eq(syncRunChanges.kind, kind) : undefined);
  const [rows, [total]] = await Promise.all([
    db().select().from(syncRunChanges).where(where).orderBy(asc(syncRunChanges.id)).limit(pageSize).offset((page - 1) * pageSize),
    db().select({ n: count() }).from(syncRunChanges).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
