import "server-only";
import type { Client } from "@microsoft/microsoft-graph-client";

/**
 * Graph's /subscriptions, as the worker uses it: one subscription on users
 * per customer (updated covers created, changed and soft-deleted users,
 * deleted the permanently deleted). Change notifications and lifecycle events
 * go to the same URL; the route tells them apart.
 */
export type GraphSubscriptionAnswer = { id: string; expirationDateTime: string };

export function createUsersSubscription(
  client: Client,
  input: { notificationUrl: string; clientState: string; expiresAt: Date },
): Promise<GraphSubscriptionAnswer> {
  return client.api("/subscriptions").post({
    changeType: "updated,deleted",
    notificationUrl: input.notificationUrl,
    lifecycleNotificationUrl: input.notificationUrl,
    resource: "users",
    expirationDateTime: input.expiresAt.toISOString(),
    clientState: input.clientState,
  });
}

/** Renewing is also how a subscription is reauthorized (Graph: "reauthorize … or renew"). */
export function renewSubscription(client: Client, subscriptionId: string, expiresAt: Date): Promise<GraphSubscriptionAnswer> {
  return client.api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).patch({ expirationDateTime: expiresAt.toISOString() });
}

export async function deleteSubscription(client: Client, subscriptionId: string): Promise<void> {
  await client.api(`/subscriptions/${encodeURIComponent(subscriptionId)}`).delete();
}

/** Graph's 404: the subscription expired or was removed; it is to be created again. */
export const isGone = (error: unknown) => (error as { statusCode?: unknown })?.statusCode === 404;
