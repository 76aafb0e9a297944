import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/actor";

export type AuditEvent = {
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Small and never a secret: field names, counts, portal IDs. */
  detail?: Record<string, unknown>;
};

/** Written inside the caller's transaction, so a change and its record land together. */
export async function recordAudit(
  tx: Pick<Database, "insert">,
  actor: Pick<Actor, "accountId" | "customerId">,
  event: AuditEvent & { customerId?: string | null },
): Promise<void> {
  await tx.insert(auditLog).values({
    customerId: event.customerId !== undefined ? event.customerId : actor.customerId,
    actorAccountId: actor.accountId,
    action: event.action,
    targetType: event.targetType,
    targetId: event.targetId ?? null,
    detail: event.detail ?? {},
  });
}
