import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { callerIdKeys, customers } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

// Far longer than a key of ours: such a header is refused without hashing it.
const maxKeyLength = 200;

/**
 * A new caller-ID key for the customer, replacing the one it had (rotation:
 * the old key stops working at once). Returned once, kept only as a hash.
 */
export async function createCallerIdKey(actor: CustomerActor): Promise<{ key: string; rotated: boolean }> {
  const key = `swb_cid_${randomBytes(32).toString("base64url")}`;
  return db().transaction(async (tx) => {
    const [previous] = await tx.select({ hint: callerIdKeys.hint }).from(callerIdKeys).where(ofCustomer(callerIdKeys, actor.customerId)).for("update");
    const values = {
      keyHash: hash(key),
      hint: key.slice(-4),
      createdAt: new Date(),
      createdBy: actor.accountId,
      lastUsedAt: null,
      windowStartedAt: new Date(),
      windowCount: 0,
    };
    await tx
      .insert(callerIdKeys)
      .values({ customerId: actor.customerId, ...values })
      .onConflictDoUpdate({ target: callerIdKeys.customerId, set: values });
    const rotated = previous !== undefined;
    await recordAudit(tx, actor, {
      action: rotated ? "caller_id_key.rotate" : "caller_id_key.create",
      targetType: "caller_id_key",
      targetId: actor.customerId,
      detail: rotated ? { replaced: `…${previous.hint}` } : {},
    });
    return { key, rotated };
  });
}

/** Deletes the customer's key: the PBX's lookups are refused from now on. */
export async function revokeCallerIdKey(actor: CustomerActor): Promise<void> {
  await db().transaction(async (tx) => {
    const deleted = await tx.delete(callerIdKeys).where(ofCustomer(callerIdKeys, actor.customerId)).returning({ hint: callerIdKeys.hint });
    if (deleted.length === 0) throw notFound("The caller-ID key");
    await recordAudit(tx, actor, {
      action: "caller_id_key.revoke",
      targetType: "caller_id_key",
      targetId: actor.customerId,
      detail: { key: `…${deleted[0]!.hint}` },
    });
  });
}

/** What the screen shows of the customer's key: never the key itself. */
export async function getCallerIdKey({ customerId }: { customerId: string }) {
  const [row] = await db()
    .select({ hint: callerIdKeys.hint, createdAt: callerIdKeys.createdAt, lastUsedAt: callerIdKeys.lastUsedAt })
    .from(callerIdKeys)
    .where(ofCustomer(callerIdKeys, customerId));
  return row ?? null;
}

export type CallerIdCaller = { customerId: string; overLimit: boolean };

/**
 * The customer a key acts for, or null when the key is unknown, revoked
 * (deleted) or its company suspended, all answered alike; and whether it is
 * over its rate. One UPDATE finds the key, marks it used and counts the
 * request in a fixed window of a minute: requests at once each add one
 * under the row's lock, so none slips past the count.
 */
export async function authenticateCallerIdKey(key: string, perMinute: number): Promise<CallerIdCaller | null> {
  if (key.length === 0 || key.length > maxKeyLength) return null;
  const k = callerIdKeys;
  const fresh = sql`${k.windowStartedAt} <= now() - interval '1 minute'`;
  const [row] = await db()
    .update(k)
    .set({
      lastUsedAt: sql`now()`,
      windowStartedAt: sql`case when ${fresh} then now() else ${k.windowStartedAt} end`,
      windowCount: sql`case when ${fresh} then 1 else ${k.windowCount} + 1 end`,
    })
    .where(
      and(
        eq(k.keyHash, hash(key)),
        // A suspended company's key answers as an unknown one.
        exists(
          db()
            .select({ one: sql`1` })
            .from(customers)
            .where(and(eq(customers.id, k.customerId), isNull(customers.suspendedAt))),
        ),
      ),
    )
    .returning({ customerId: k.customerId, count: k.windowCount });
  return row ? { customerId: row.customerId, overLimit: row.count > perMinute } : null;
}
