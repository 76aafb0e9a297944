import "server-only";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRuns, type ConnectorId } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

export type RunChartPoint = { runId: string; at: Date; changed: number; seconds: number; failed: boolean };

/** The last finished runs, oldest first, as the history chart plots them. */
export async function runChartPoints({
  customerId,
  connector,
  limit = 30,
}: {
  customerId: string;
  connector: ConnectorId;
  limit?: number;
}): Promise<RunChartPoint[]> {
  const rows = await db()
    .select()
    .from(syncRuns)
    .where(and(ofCustomer(syncRuns, customerId), eq(syncRuns.connector, connector), isNotNull(syncRuns.finishedAt), isNotNull(syncRuns.startedAt)))
    .orderBy(desc(syncRuns.finishedAt))
    .limit(limit);
  return rows.reverse().map((r) => ({
    runId: r.id,
    at: r.finishedAt!,
    changed: r.created + r.updated + r.disabled + r.removed,
    seconds: Math.max(0, (r.finishedAt!.getTime() - r.startedAt!.getTime()) / 1000),
    failed: r.status === "failed",
  }));
}
