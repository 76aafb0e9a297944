import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, type ConnectorId } from "@/db/schema";
import { pageOf, pageSize } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

/** A connector's sync history, newest first, a page at a time. */
export async function listRuns({ customerId, connector, page = 1 }: { customerId: string; connector: ConnectorId; page?: number }) {
  const where = and(ofCustomer(syncRuns, customerId), eq(syncRuns.connector, connector));
  const [rows, [total]] = await Promise.all([
    db()
      .select()
      .from(syncRuns)
      .where(where)
      .orderBy(desc(syncRuns.queuedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db().select({ n: count() }).from(syncRuns).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
