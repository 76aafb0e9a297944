/** Graph's change types; for users, `updated` covers create, update and soft delete, `deleted` a permanent delete. */
export const changeTypes = ["created", "updated", "deleted"] as const;
export type ChangeType = (typeof changeTypes)[number];

export const lifecycleEvents = ["reauthorizationRequired", "subscriptionRemoved", "missed"] as const;
export type LifecycleEvent = (typeof lifecycleEvents)[number];

/** One Graph subscription as the emulator keeps it. */
export interface SubscriptionRecord {
  id: string;
  resource: string;
  changeTypes: ChangeType[];
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  clientState: string | null;
  /** Epoch ms on the tenant's subscription clock. */
  expiresAt: number;
  applicationId: string;
  creatorId: string;
  /** Set by a reauthorizationRequired event: notifications wait until the app renews or reauthorizes. */
  needsReauthorization: boolean;
}

/** The subscription resource as Graph answers it. */
export function describeSubscription(record: SubscriptionRecord) {
  return {
    id: record.id,
    resource: record.resource,
    applicationId: record.applicationId,
    changeType: record.changeTypes.join(","),
    clientState: record.clientState,
    notificationUrl: record.notificationUrl,
    lifecycleNotificationUrl: record.lifecycleNotificationUrl,
    expirationDateTime: new Date(record.expiresAt).toISOString(),
    creatorId: record.creatorId,
    includeResourceData: false,
    latestSupportedTlsVersion: "v1_2",
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}
