import "server-only";
import { and, count, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries } from "@/db/schema";
import { pageOf, pageSize, pageWithin, type Page } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

const d = webhookDeliveries;
const shown = {
  id: d.id,
  messageId: d.messageId,
  eventType: d.eventType,
  status: d.status,
  attempts: d.attempts,
  statusCode: d.statusCode,
  latencyMs: d.latencyMs,
  error: d.error,
  responseSnippet: d.responseSnippet,
  createdAt: d.createdAt,
  lastAttemptAt: d.lastAttemptAt,
};
export type DeliveryRow = { [K in keyof typeof shown]: (typeof d.$inferSelect)[K] };

/** An endpoint's delivery log, newest first, a page at a time (a page past the end is the last). */
export async function listDeliveries({ customerId, endpointId, page }: { customerId: string; endpointId: string; page: number }): Promise<Page<DeliveryRow>> {
  const where = and(ofCustomer(d, customerId), eq(d.endpointId, endpointId));
  const [total] = await db().select({ n: count() }).from(d).where(where);
  const n = total?.n ?? 0;
  const at = pageWithin(page, n);
  const rows = await db()
    .select(shown)
    .from(d)
    .where(where)
    .orderBy(desc(d.id))
    .limit(pageSize)
    .offset((at - 1) * pageSize);
  return pageOf(rows, n, at);
}
