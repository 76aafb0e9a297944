import "server-only";
import { timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { entraSettings } from "@/db/schema";
import { db } from "@/db/client";
import { logger } from "@/lib/logger";
import { open } from "@/lib/secrets/secret-box";
import { ofCustomer } from "@/lib/tenancy";
import type { GraphSubscription } from "@/db/schema";
import { enqueueLifecycle, enqueueNotifiedDelta, lifecycleEvents, type LifecycleEvent } from "./realtime-job";
import { noteNotification, rowsBySubscriptionIds } from "./subscription-row";

/**
 * One item of Graph's changeNotificationCollection (or of a lifecycle
 * notification). Only what the checks read; the rest (resource, resourceData)
 * is not trusted for anything — the delta run reads the truth from Graph.
 */
const item = z.object({
  subscriptionId: z.string().max(128),
  clientState: z.string().max(256).nullish(),
  tenantId: z.string().max(128).optional(),
  changeType: z.string().max(64).optional(),
  lifecycleEvent: z.string().max(64).optional(),
});
export const notificationCollection = z.object({ value: z.array(z.unknown()).max(1000) });

export type Refusal = "malformed item" | "unknown subscription" | "wrong clientState" | "wrong tenant" | "unknown lifecycle event";

/**
 * Checks every item of a notification POST and queues the work, then returns
 * at once: an item counts only if it names a subscription we keep, carries
 * that subscription's clientState (compared in constant time) and the
 * customer's tenant. The rest is refused and logged, and changes nothing.
 * A burst becomes one delta run (enqueueNotifiedDelta's debounce).
 */
export async function receiveNotifications(body: z.infer<typeof notificationCollection>): Promise<{ accepted: number; refused: number }> {
  const items = body.value.map((raw) => item.safeParse(raw));
  const parsed = items.flatMap((result) => (result.success ? [result.data] : []));
  const rows = new Map((await rowsBySubscriptionIds([...new Set(parsed.map((i) => i.subscriptionId))])).map((row) => [row.subscriptionId!, row]));
  const tenants = new Map<string, string | undefined>();
  const deltas = new Set<string>();
  const lifecycle = new Map<string, Set<LifecycleEvent>>();
  const refusals: { reason: Refusal; subscriptionId?: string }[] = items.filter((r) => !r.success).map(() => ({ reason: "malformed item" as const }));

  for (const notification of parsed) {
    const row = rows.get(notification.subscriptionId);
    const refusal = row ? await refusalOf(notification, row, tenants) : "unknown subscription";
    if (refusal) {
      refusals.push({ reason: refusal, subscriptionId: notification.subscriptionId.slice(0, 64) });
      continue;
    }
    if (notification.lifecycleEvent) {
      const events = lifecycle.get(row!.customerId) ?? new Set();
      lifecycle.set(row!.customerId, events.add(notification.lifecycleEvent as LifecycleEvent));
    } else deltas.add(row!.customerId);
  }

  for (const refusal of refusals) logger.warn(refusal, "graph notification refused");
  for (const customerId of new Set([...deltas, ...lifecycle.keys()])) await noteNotification(customerId);
  for (const customerId of deltas) await enqueueNotifiedDelta(customerId);
  for (const [customerId, events] of lifecycle) for (const event of events) await enqueueLifecycle(customerId, event);
  return { accepted: parsed.length - refusals.filter((r) => r.reason !== "malformed item").length, refused: refusals.length };
}

async function refusalOf(notification: z.infer<typeof item>, row: GraphSubscription, tenants: Map<string, string | undefined>): Promise<Refusal | null> {
  if (!row.enabled || !row.clientStateCiphertext || !row.clientStateKeyId) return "unknown subscription";
  const expected = Buffer.from(open({ ciphertext: row.clientStateCiphertext, keyId: row.clientStateKeyId }, row.customerId));
  const presented = Buffer.from(notification.clientState ?? "");
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return "wrong clientState";
  if (!tenants.has(row.customerId)) tenants.set(row.customerId, await tenantOf(row.customerId));
  if (notification.tenantId?.toLowerCase() !== tenants.get(row.customerId)) return "wrong tenant";
  if (notification.lifecycleEvent && !(lifecycleEvents as readonly string[]).includes(notification.lifecycleEvent)) return "unknown lifecycle event";
  return null;
}

async function tenantOf(customerId: string): Promise<string | undefined> {
  const [settings] = await db().select({ tenantId: entraSettings.tenantId }).from(entraSettings).where(ofCustomer(entraSettings, customerId)).limit(1);
  return settings?.tenantId.toLowerCase();
}
