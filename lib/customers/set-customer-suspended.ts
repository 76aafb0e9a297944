import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, customers } from "@/db/schema";
import type { Actor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

/**
 * The operator suspends a company or reactivates it. Suspended, nobody of it
 * signs in (every session ends, for good), its syncs stop and its SCIM
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
    // Sessions end for good, not only while suspended: a reactivation asks everyone to sign in again.
    if (suspended)
      await tx
        .update(accounts)
        .set({ sessionVersion: sql`${accounts.sessionVersion} + 1` })
        .where(ofCustomer(accounts, customerId));
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
