import "server-only";
import { and, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { accounts, auditLog, customers } from "@/db/schema";
import { likePattern, pageOf, pageSize, pageWithin } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

/** Whose records: one company's (its manager), or every company's (the platform operator). */
export type AuditScope = { customerId: string } | "all-customers";

const actor = alias(accounts, "actor");

/**
 * The audit log newest first, a page at a time, narrowed by a search over
 * what was done, to what, by whom (portal ID or name) and — across
 * customers — in which company. `detail` holds field names, counts and portal
 * IDs only (lib/audit/record-audit.ts), so it may be shown as it is.
 */
export async function listAuditLog({ scope, q = "", page = 1 }: { scope: AuditScope; q?: string; page?: number }) {
  const pattern = likePattern(q);
  const allCustomers = scope === "all-customers";
  const searched: SQL | undefined = q
    ? or(
        ilike(auditLog.action, pattern),
        ilike(auditLog.targetType, pattern),
        ilike(auditLog.targetId, pattern),
        // The detail names portal IDs and fields (never a secret): searchable as text.
        ilike(sql`${auditLog.detail}::text`, pattern),
        ilike(actor.portalId, pattern),
        ilike(actor.name, pattern),
        allCustomers ? ilike(customers.name, pattern) : undefined,
      )
    : undefined;
  const where = and(allCustomers ? undefined : ofCustomer(auditLog, scope.customerId), searched);
  const [total] = await db()
    .select({ n: count() })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorAccountId))
    .leftJoin(customers, eq(customers.id, auditLog.customerId))
    .where(where);
  // Counted first, so a page past the end shows the last page rather than nothing.
  const shown = pageWithin(page, total?.n ?? 0);
  const rows = await db()
    .select({
      id: auditLog.id,
      createdAt: auditLog.createdAt,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      detail: auditLog.detail,
      actorName: actor.name,
      actorPortalId: actor.portalId,
      companyName: customers.name,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorAccountId))
    .leftJoin(customers, eq(customers.id, auditLog.customerId))
    .where(where)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(pageSize)
    .offset((shown - 1) * pageSize);
  return pageOf(rows, total?.n ?? 0, shown);
}
