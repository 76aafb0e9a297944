import "server-only";
import { inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { graphSubscriptions, type GraphSubscription } from "@/db/schema";
import { now } from "@/lib/clock";
import { ofCustomer } from "@/lib/tenancy";

/** The customer's real-time row, if it has one (none until MS AAD is used with PUBLIC_URL set, or the switch is touched). */
export async function getSubscriptionRow({ customerId }: { customerId: string }): Promise<GraphSubscription | undefined> {
  const [row] = await db().select().from(graphSubscriptions).where(ofCustomer(graphSubscriptions, customerId)).limit(1);
  return row;
}

/** Writes some of the customer's real-time columns, creating the row when there is none. */
export async function updateSubscriptionRow(customerId: string, values: Partial<Omit<GraphSubscription, "customerId" | "updatedAt">>): Promise<void> {
  await db()
    .insert(graphSubscriptions)
    .values({ customerId, ...values, updatedAt: now() })
    .onConflictDoUpdate({ target: graphSubscriptions.customerId, set: { ...values, updatedAt: now() } });
}

export const noSubscription = { subscriptionId: null, expiresAt: null, clientStateCiphertext: null, clientStateKeyId: null } as const;

/** Rows of the subscriptions that notifications name: how a notification, which carries no customer, finds one. */
export async function rowsBySubscriptionIds(subscriptionIds: string[]): Promise<GraphSubscription[]> {
  if (subscriptionIds.length === 0) return [];
  return db().select().from(graphSubscriptions).where(inArray(graphSubscriptions.subscriptionId, subscriptionIds));
}

export async function noteNotification(customerId: string): Promise<void> {
  await db().update(graphSubscriptions).set({ lastNotificationAt: now() }).where(ofCustomer(graphSubscriptions, customerId));
}
