import "server-only";
import { getSubscriptionRow } from "./subscription-row";
import { notificationUrl, publicUrlMissing } from "./notification-url";

export type RealTimeStatus = {
  /** The switch's position. */
  enabled: boolean;
  /** Why real time cannot run whatever the switch says, in plain words; null when it can. */
  blocked: string | null;
  subscribedUntil: Date | null;
  lastNotificationAt: Date | null;
  lastError: { message: string; at: Date } | null;
};

/** What the MS AAD screen says about real time. */
export async function realTimeStatus({ customerId, entraInUse }: { customerId: string; entraInUse: boolean }): Promise<RealTimeStatus> {
  const row = await getSubscriptionRow({ customerId });
  return {
    enabled: row?.enabled ?? true,
    blocked: !notificationUrl() ? publicUrlMissing : !entraInUse ? "Real time is off while User Look-Up Usage is “Not use”." : null,
    subscribedUntil: row?.subscriptionId ? row.expiresAt : null,
    lastNotificationAt: row?.lastNotificationAt ?? null,
    lastError: row?.lastError && row.lastErrorAt ? { message: row.lastError, at: row.lastErrorAt } : null,
  };
}
