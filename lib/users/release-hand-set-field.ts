import "server-only";
import { and, eq, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, type ManagedField } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

/** "Let provisioning manage <field> again": the next run sets it from the source once more. */
export async function releaseHandSetField(actor: CustomerActor, { userId, field }: { userId: string; field: ManagedField }): Promise<void> {
  await db().transaction(async (tx) => {
    const updated = await tx
      .update(accounts)
      .set({ handSetFields: sql`array_remove(${accounts.handSetFields}, ${field}::text)`, updatedAt: new Date() })
      .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.id, userId), eq(accounts.role, "user"), isNotNull(accounts.directoryEntryId)))
      .returning({ id: accounts.id });
    if (updated.length === 0) throw notFound("The provisioned user");
    await recordAudit(tx, actor, { action: "user.hand_set_release", targetType: "account", targetId: userId, detail: { field } });
  });
}
