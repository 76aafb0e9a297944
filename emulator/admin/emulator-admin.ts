import type { FaultState } from "../faults/fault-injector";
import type { FaultSettings } from "../faults/fault-settings";
import type { RequestLogEntry, RequestLogFilter } from "../http/request-log";
import type { GenerateUsersResult } from "../seed/generate-users";
import type { BatchTenant } from "./create-tenant-batch";
import type { DEMO_TENANT } from "../seed/demo-tenant";
import type { AppDescription } from "../state/app-registration";
import type { TenantInput } from "../state/emulator-state";
import type { GroupInput } from "../state/group-directory";
import type { AppInput, DeltaExpiry, TenantDescription } from "../state/tenant";
import type { UserInput, UserPatch } from "../state/user-input";
import type { UserDescription, UserState } from "../state/user-record";
import type { GroupDescription } from "./admin-directory-routes";
import type { Delivery, SubscriptionPolicy, SubscriptionStore } from "../subscriptions/subscription-store";
import type { LifecycleEvent } from "../subscriptions/subscription-record";

export interface SecretInput {
  /** Choose the value (e.g. a fixture); otherwise one is generated and returned once. */
  value?: string;
  /** In the past to test AADSTS7000222. Default: 180 days from now. */
  expiresAt?: Date | string;
  displayName?: string;
}

export interface CreatedSecret {
  keyId: string;
  value: string;
  expiresAt: string;
}

export interface UserList {
  users: UserDescription[];
  /** Pass as `after` for the next page; null at the end. */
  next: number | null;
  /** Live (not deleted) users in the tenant. */
  total: number;
}

/** The admin API as typed calls, usable from any process (tests, Playwright, the launcher). */
export interface EmulatorAdmin {
  listTenants(): Promise<TenantDescription[]>;
  createTenant(input: TenantInput): Promise<TenantDescription>;
  /** Many tenants at once, each with generated users and an app (with a secret) that may read them. */
  createTenants(input: { sizes: number[]; seed: string; faults?: FaultSettings }): Promise<BatchTenant[]>;
  getTenant(tenantId: string): Promise<TenantDescription>;
  /** The demo tenant's fixed identifiers, or null when the emulator was seeded without it. */
  demo(): Promise<typeof DEMO_TENANT | null>;

  createApp(tenantId: string, input: AppInput & { secret?: SecretInput }): Promise<AppDescription & { secret?: CreatedSecret }>;
  getApp(tenantId: string, clientId: string): Promise<AppDescription>;
  addSecret(tenantId: string, clientId: string, input?: SecretInput): Promise<CreatedSecret>;
  removeSecret(tenantId: string, clientId: string, keyId: string): Promise<void>;
  grantPermission(tenantId: string, clientId: string, permission: string): Promise<AppDescription>;
  revokePermission(tenantId: string, clientId: string, permission: string): Promise<AppDescription>;
  addRedirectUri(tenantId: string, clientId: string, uri: string): Promise<AppDescription>;

  createUser(tenantId: string, input: UserInput): Promise<UserDescription>;
  generateUsers(tenantId: string, count: number, seed: string, options?: { password?: string }): Promise<GenerateUsersResult>;
  getUser(tenantId: string, userId: string): Promise<UserDescription>;
  listUsers(tenantId: string, options?: { state?: UserState; limit?: number; after?: number }): Promise<UserList>;
  updateUser(tenantId: string, userId: string, patch: UserPatch): Promise<UserDescription>;
  disableUser(tenantId: string, userId: string): Promise<UserDescription>;
  enableUser(tenantId: string, userId: string): Promise<UserDescription>;
  softDeleteUser(tenantId: string, userId: string): Promise<UserDescription>;
  restoreUser(tenantId: string, userId: string): Promise<UserDescription>;
  hardDeleteUser(tenantId: string, userId: string): Promise<UserDescription>;

  createGroup(tenantId: string, input: GroupInput): Promise<GroupDescription>;
  getGroup(tenantId: string, groupId: string): Promise<GroupDescription>;
  addGroupMember(tenantId: string, groupId: string, memberId: string): Promise<GroupDescription>;
  removeGroupMember(tenantId: string, groupId: string, memberId: string): Promise<GroupDescription>;

  setFaults(tenantId: string, faults: FaultSettings): Promise<unknown>;
  /** The faults in force and how much of each is left (e.g. token-endpoint failures still to come). */
  getFaults(tenantId: string): Promise<FaultState>;
  clearFaults(tenantId: string): Promise<void>;
  /** Invalidates every delta/skip token of the tenant: later use answers 400 syncStateNotFound or 410 Gone. */
  expireDeltaTokens(tenantId: string, answer?: DeltaExpiry): Promise<void>;
  /** Makes an issued authorization code look expired (AADSTS70008 on redemption). */
  expireAuthorizationCode(code: string): Promise<void>;

  /** The tenant's live Graph subscriptions (with clientState and whether each waits for reauthorization) and its policy. */
  listSubscriptions(tenantId: string): Promise<ReturnType<SubscriptionStore["describe"]>>;
  /** A shorter validation time limit than Graph's 10 s, or a subscription clock moved forward (with the portal's test clock). */
  setSubscriptionPolicy(tenantId: string, policy: Partial<SubscriptionPolicy>): Promise<SubscriptionPolicy>;
  /** Sends a lifecycle event now: subscriptionRemoved deletes the subscription, reauthorizationRequired holds notifications until it is renewed. */
  sendLifecycleEvent(tenantId: string, subscriptionId: string, event: LifecycleEvent): Promise<Delivery>;
  /** Sends a notification Graph never made to the subscription's URL, with the given clientState, subscription or tenant. */
  forgeNotification(
    tenantId: string,
    subscriptionId: string,
    forged: { clientState?: string | null; subscriptionId?: string; tenantId?: string; userId?: string },
  ): Promise<Delivery>;
  /** Every validation, notification and lifecycle event sent (or dropped, withheld) for the tenant, and how many are still on their way. */
  notificationLog(tenantId: string, sinceSeq?: number): Promise<{ deliveries: Delivery[]; inFlight: number }>;

  requestLog(filter?: RequestLogFilter): Promise<RequestLogEntry[]>;
  clearRequestLog(): Promise<void>;
}
