import "server-only";
import { count, desc } from "drizzle-orm";
import { db } from "@/db/client";
import { scimRequests } from "@/db/schema";
import { pageOf, pageSize } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";
import type { ScimContext } from "./scim-context";

export type ScimRequestRecord = { method: string; path: string; operation: string; status: number; detail?: string | null };

/** Records a request (never its body or token); a logging failure must not fail the request. */
export async function recordScimRequest(ctx: ScimContext, record: ScimRequestRecord): Promise<void> {
  await db()
    .insert(scimRequests)
    .values({ customerId: ctx.customerId, tokenId: ctx.tokenId, ...record, detail: record.detail?.slice(0, 500) ?? null });
}

export async function listScimRequests({ customerId, page = 1 }: { customerId: string; page?: number }) {
  const where = ofCustomer(scimRequests, customerId);
  const [rows, [total]] = await Promise.all([
    db()
      .select()
      .from(scimRequests)
      .where(where)
      .orderBy(desc(scimRequests.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db().select({ n: count() }).from(scimRequests).where(where),
  ]);
  return pageOf(rows, total?.n ?? 0, page);
}
