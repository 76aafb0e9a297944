import "server-only";
import { and, asc, count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningRecords, type ProvisioningAction, type ProvisioningRecord } from "@/db/schema";
import { pageOf, pageSize, pageWithin, type Page } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

export type ProvisioningSummary = Partial<Record<ProvisioningAction, number>>;

/** What provisioning did in a run (or a Simulate would do): how many of each action, and one page of them, per person. */
export async function listProvisioningRecords({
  customerId,
  runId,
  action,
  page = 1,
}: {
  customerId: string;
  runId: string;
  action?: ProvisioningAction;
  page?: number;
}): Promise<{ summary: ProvisioningSummary; records: Page<ProvisioningRecord> }> {
  const r = provisioningRecords;
  const ofRun = and(ofCustomer(r, customerId), eq(r.runId, runId));
  const counts = await db().select({ action: r.action, n: count() }).from(r).where(ofRun).groupBy(r.action);
  const summary: ProvisioningSummary = Object.fromEntries(counts.map((c) => [c.action, c.n]));
  const total = action ? (summary[action] ?? 0) : counts.reduce((n, c) => n + c.n, 0);
  const shown = pageWithin(page, total);
  const rows = await db()
    .select()
    .from(r)
    .where(and(ofRun, action ? eq(r.action, action) : undefined))
    .orderBy(asc(r.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return { summary, records: pageOf(rows, total, shown) };
}
