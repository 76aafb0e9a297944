import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

export async function deleteUser(actor: CustomerActor, { userId }: { userId: string }) {
  await db().transaction(async (tx) => {
    const [deleted] = await tx
      .delete(accounts)
      .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.id, userId), eq(accounts.role, "user")))
      .returning({ id: accounts.id, portalId: accounts.portalId });
    if (!deleted) throw notFound("The user");
    await recordAudit(tx, actor, {
      action: "user.delete",
      targetType: "account",
      targetId: deleted.id,
      detail: { portalId: deleted.portalId },
    });
  });
}
