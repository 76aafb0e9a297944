import "server-only";
import type { Database } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/actor";
import type { LinkTarget } from "./link-target";

/** Linking and unlinking are audited as such, apart from other edits of the login. */
export async function recordLinkAudit(tx: Pick<Database, "insert">, actor: Actor, accountId: string, target: LinkTarget | null | "unchanged") {
  if (target === "unchanged") return;
  await recordAudit(tx, actor, {
    action: target ? "account.link" : "account.unlink",
    targetType: "account",
    targetId: accountId,
    detail: target ? { entraObjectId: target.aadObjectId, entraName: target.displayName } : {},
  });
}
