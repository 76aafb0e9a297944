import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";

/**
 * The operator suspends a company or reactivates it. Suspended, nobody of it
 * signs in (sessions end on their next request), its syncs stop and its SCIM
 * tokens are refused (lib/suspension); nothing of its data or settings
 * changes, so a reactivation picks up where it stopped. Recorded in the
 * company's audit log.
 */
export async function setCustomerSuspended(actor: Actor, { customerId, suspended }: { customerId: string; suspended: boolean }) {
  return db().transaction(async (tx) => {
    const [customer] = await tx
      .update(customers)
      .set({ suspendedAt: suspended ? new Date() : null, updatedAt: new Date() })
      .where(eq(customers.id, customerId))
      .returning();
    if (!customer) throw notFound("The customer");
    await recordAudit(tx, actor, {
      customerId,
      action: suspended ? "customer.suspend" : "customer.reactivate",
      targetType: "customer",
      targetId: customerId,
      detail: { slug: customer.slug },
    });
    return customer;
  });
}
