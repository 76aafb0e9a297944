import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import { endSessions } from "@/lib/auth/end-sessions";

/** "Sign out of all sessions": every session of the person's login ends, on every device, this one too. */
export async function signOutEverywhere(actor: Actor): Promise<void> {
  await db().transaction(async (tx) => {
    await endSessions(tx, actor.accountId);
    await recordAudit(tx, actor, { action: "profile.sign_out_everywhere", targetType: "account", targetId: actor.accountId });
  });
}
