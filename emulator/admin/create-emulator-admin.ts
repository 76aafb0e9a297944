import { adminRequester } from "./admin-http";
import type { EmulatorAdmin, SecretInput } from "./emulator-admin";

const e = encodeURIComponent;

function secretBody(input: SecretInput = {}) {
  const expiresAt = input.expiresAt instanceof Date ? input.expiresAt.toISOString() : input.expiresAt;
  return { ...input, expiresAt };
}

/**
 * A typed client of the emulator's `/_emulator/` admin API. `options.ca` (the
 * CA certificate PEM) makes it work in processes started without
 * NODE_EXTRA_CA_CERTS; RunningEmulator.admin passes it.
 */
export function createEmulatorAdmin(url: string, adminKey: string, options: { ca?: string } = {}): EmulatorAdmin {
  const call = adminRequester(url, adminKey, options.ca);
  const t = (tenantId: string) => `/tenants/${e(tenantId)}`;
  const app = (tenantId: string, clientId: string) => `${t(tenantId)}/apps/${e(clientId)}`;
  const user = (tenantId: string, userId: string) => `${t(tenantId)}/users/${e(userId)}`;
  const group = (tenantId: string, groupId: string) => `${t(tenantId)}/groups/${e(groupId)}`;
  return {
    listTenants: () => call("GET", "/tenants"),
    createTenant: (input) => call("POST", "/tenants", input),
    createTenants: (input) => call("POST", "/tenants/batch", input),
    getTenant: (tenantId) => call("GET", t(tenantId)),
    demo: () => call("GET", "/demo"),

    createApp: (tenantId, input) => call("POST", `${t(tenantId)}/apps`, { ...input, secret: input.secret ? secretBody(input.secret) : undefined }),
    getApp: (tenantId, clientId) => call("GET", app(tenantId, clientId)),
    addSecret: (tenantId, clientId, input) => call("POST", `${app(tenantId, clientId)}/secrets`, secretBody(input)),
    removeSecret: (tenantId, clientId, keyId) => call("DELETE", `${app(tenantId, clientId)}/secrets/${e(keyId)}`),
    grantPermission: (tenantId, clientId, permission) => call("POST", `${app(tenantId, clientId)}/permissions`, { permission }),
    revokePermission: (tenantId, clientId, permission) => call("DELETE", `${app(tenantId, clientId)}/permissions/${e(permission)}`),
    addRedirectUri: (tenantId, clientId, uri) => call("POST", `${app(tenantId, clientId)}/redirect-uris`, { uri }),

    createUser: (tenantId, input) => call("POST", `${t(tenantId)}/users`, input),
    generateUsers: (tenantId, count, seed, options = {}) => call("POST", `${t(tenantId)}/users/generate`, { count, seed, ...options }),
    getUser: (tenantId, userId) => call("GET", user(tenantId, userId)),
    listUsers: (tenantId, options = {}) => {
      const query = new URLSearchParams(Object.entries(options).map(([k, v]) => [k, String(v)]));
      return call("GET", `${t(tenantId)}/users?${query}`);
    },
    updateUser: (tenantId, userId, patch) => call("PATCH", user(tenantId, userId), patch),
    disableUser: (tenantId, userId) => call("POST", `${user(tenantId, userId)}/disable`),
    enableUser: (tenantId, userId) => call("POST", `${user(tenantId, userId)}/enable`),
    softDeleteUser: (tenantId, userId) => call("POST", `${user(tenantId, userId)}/soft-delete`),
    restoreUser: (tenantId, userId) => call("POST", `${user(tenantId, userId)}/restore`),
    hardDeleteUser: (tenantId, userId) => call("DELETE", user(tenantId, userId)),

    createGroup: (tenantId, input) => call("POST", `${t(tenantId)}/groups`, input),
    getGroup: (tenantId, groupId) => call("GET", group(tenantId, groupId)),
    addGroupMember: (tenantId, groupId, memberId) => call("POST", `${group(tenantId, groupId)}/members`, { memberId }),
    removeGroupMember: (tenantId, groupId, memberId) => call("DELETE", `${group(tenantId, groupId)}/members/${e(memberId)}`),

    setFaults: (tenantId, faults) => call("PUT", `${t(tenantId)}/faults`, faults),
    getFaults: (tenantId) => call("GET", `${t(tenantId)}/faults`),
    clearFaults: (tenantId) => call("DELETE", `${t(tenantId)}/faults`),
    expireDeltaTokens: (tenantId, answer = "syncStateNotFound") => call("POST", `${t(tenantId)}/delta/expire`, { answer }),
    expireAuthorizationCode: (code) => call("POST", "/authorization-codes/expire", { code }),

    listSubscriptions: (tenantId) => call("GET", `${t(tenantId)}/subscriptions`),
    setSubscriptionPolicy: (tenantId, policy) => call("PUT", `${t(tenantId)}/subscription-policy`, policy),
    sendLifecycleEvent: (tenantId, subscriptionId, event) => call("POST", `${t(tenantId)}/subscriptions/${e(subscriptionId)}/lifecycle`, { event }),
    forgeNotification: (tenantId, subscriptionId, forged) => call("POST", `${t(tenantId)}/subscriptions/${e(subscriptionId)}/forge`, forged),
    notificationLog: (tenantId, sinceSeq = 0) => call("GET", `${t(tenantId)}/notifications?sinceSeq=${sinceSeq}`),

    requestLog: (filter = {}) => {
      const query = new URLSearchParams(Object.entries(filter).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
      return call("GET", `/requests?${query}`);
    },
    clearRequestLog: () => call("DELETE", "/requests"),
  };
}
