import "server-only";
import { count, desc } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns } from "@/db/schema";
import { pageOf, pageSize } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

/** The sync history, newest first, a page at a time. */
export async function listRuns({ customerId, page = 1 }: { customerId: string; page?: number }) {
  const where = ofCustomer(syncRuns, customerId);
  const [rows, [total]] = await Promise.all([
    db().select().from(syncRuns).where(where).orderBy(desc(syncRuns.queuedAt)).limit(pageSize).offset((page - 1) * pageSize),
    db().select({ n: count() }).from(syncRuns).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
