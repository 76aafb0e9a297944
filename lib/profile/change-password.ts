import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/accounts/password";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { endSessions } from "@/lib/auth/end-sessions";
import { attemptSucceeded, reserveAttempt } from "@/lib/lockout/sign-in-failures";
import { AppError } from "@/lib/errors";

/**
 * Changes the person's own password. The current password is a guess like a
 * sign-in's, so it is reserved against the same limit (per login) before it
 * is checked: a borrowed session cannot try passwords faster than the sign-in
 * page allows. A change ends every session of the login, this one too.
 */
export async function changePassword(actor: Actor, input: { currentPassword: string; newPassword: string }) {
  const attempt = await reserveAttempt([`current-password:${actor.accountId}`]);
  const [account] = await db().select({ passwordHash: accounts.passwordHash }).from(accounts).where(eq(accounts.id, actor.accountId)).limit(1);
  if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new AppError("invalid_input", "Your current password is not correct.", {
      currentPassword: "This is not your current password.",
    });
  }
  await attemptSucceeded(attempt);
  const passwordHash = await hashPassword(input.newPassword);
  await db().transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash, updatedAt: new Date() }).where(eq(accounts.id, actor.accountId));
    await endSessions(tx, actor.accountId);
    await recordAudit(tx, actor, { action: "profile.password_change", targetType: "account", targetId: actor.accountId });
  });
}
