import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { AppError, notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

/** Removes another manager of the same customer; nobody removes their own login this way. */
export async function deleteManager(actor: CustomerActor, { managerId }: { managerId: string }) {
  if (managerId === actor.accountId) {
    throw new AppError("invalid_input", "You cannot remove your own manager login.");
  }
  await db().transaction(async (tx) => {
    const [deleted] = await tx
      .delete(accounts)
      .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.id, managerId), eq(accounts.role, "manager")))
      .returning({ id: accounts.id, portalId: accounts.portalId });
    if (!deleted) throw notFound("The manager");
    await recordAudit(tx, actor, {
      action: "manager.delete",
      targetType: "account",
      targetId: deleted.id,
      detail: { portalId: deleted.portalId },
    });
  });
}
