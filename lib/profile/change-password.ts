import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

export async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const [account] = await db()
    .select({ passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.id, actor.accountId))
    .limit(1);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError("invalid_input", "Your current password is not correct.", {
      currentPassword: "This is not your current password.",
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db().transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, actor.accountId));
    await recordAudit(tx, actor, { action: "profile.password_change", targetType: "account", targetId: actor.accountId });
  });
}
