import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";

export async function updateProfile(actor: Actor, input: { name: string; email: string | null }) {
  await db().transaction(async (tx) => {
    await tx.update(accounts).set({ name: input.name, email: input.email, updatedAt: new Date() }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, actor, {
      action: "profile.update",
      targetType: "account",
      targetId: actor.accountId,
      detail: { fields: ["name", "email"] },
    });
  });
}
