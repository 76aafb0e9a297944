import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, devices } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { seal } from "@/lib/secrets/secret-box";
import { newDeviceCredential } from "./new-device";
import { ofCustomer } from "@/lib/tenancy";

/**
 * Gives one of a user's devices a new SIP credential, sealed before it
 * reaches the database (bound to the customer), and returns it this once for
 * the manager to copy into the phone: it is never logged, never in the audit
 * record, and cannot be shown again. Another customer's device is not found.
 */
export async function regenerateDeviceCredential(
  actor: CustomerActor,
  { deviceId }: { deviceId: string },
): Promise<{ sipUsername: string; credential: string }> {
  const credential = newDeviceCredential();
  const sealed = seal(credential, actor.customerId);
  return db().transaction(async (tx) => {
    const [device] = await tx
      .update(devices)
      .set({ credentialCiphertext: sealed.ciphertext, credentialKeyId: sealed.keyId, updatedAt: new Date() })
      .where(and(ofCustomer(devices, actor.customerId), eq(devices.id, deviceId)))
      .returning({ id: devices.id, accountId: devices.accountId, kind: devices.kind, sipUsername: devices.sipUsername });
    if (!device) throw notFound("The device");
    const [owner] = await tx.select({ portalId: accounts.portalId }).from(accounts).where(eq(accounts.id, device.accountId));
    await recordAudit(tx, actor, {
      action: "device.regenerate_credential",
      targetType: "device",
      targetId: device.id,
      detail: { kind: device.kind, sipUsername: device.sipUsername, owner: owner?.portalId ?? null },
    });
    return { sipUsername: device.sipUsername, credential };
  });
}
