import { boolean, date, integer, jsonb, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";

export const syncPeriods = ["hourly", "daily", "weekly"] as const;
export type SyncPeriod = (typeof syncPeriods)[number];
export const syncPeriodEnum = pgEnum("sync_period", syncPeriods);

/**
 * A customer's MS AAD screen: one row per customer. The client secret is
 * stored only encrypted (AES-256-GCM) with the ID of the key that sealed it,
 * so keys can be rotated; it never leaves the server in clear.
 */
export const entraSettings = pgTable("entra_settings", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  tenantId: uuid("tenant_id").notNull(),
  clientId: uuid("client_id").notNull(),
  secretCiphertext: text("secret_ciphertext").notNull(),
  secretKeyId: text("secret_key_id").notNull(),
  secretExpiresOn: date("secret_expires_on", { mode: "string" }),
  secretUpdatedAt: timestamp("secret_updated_at", { withTimezone: true }).notNull().defaultNow(),
  period: syncPeriodEnum("period").notNull().default("daily"),
  // 0 = Sunday … 6 = Saturday; used when period = weekly.
  weekday: smallint("weekday"),
  runHour: smallint("run_hour").notNull().default(2),
  runMinute: smallint("run_minute").notNull().default(0),
  runSecond: smallint("run_second").notNull().default(0),
  skipGuests: boolean("skip_guests").notNull().default(true),
  skipDisabled: boolean("skip_disabled").notNull().default(false),
  // Empty: everyone. Otherwise only transitive members of these groups.
  groupFilter: jsonb("group_filter").$type<{ id: string; displayName: string }[]>().notNull().default([]),
  removalThresholdPercent: integer("removal_threshold_percent").notNull().default(20),
  // Logins linked to an Entra account must use Sign in with Microsoft; their
  // password no longer opens a session.
  requireMicrosoftSignIn: boolean("require_microsoft_sign_in").notNull().default(false),
  // Proof that this company holds the tenant: the tenant and app for which a
  // token was issued with the saved secret, and when. An Entra identity (SCIM
  // externalId, a link, Sign in with Microsoft) is tied to the tenant only while
  // these equal tenantId and clientId; rows saved before the proof existed have none.
  verifiedTenantId: uuid("verified_tenant_id"),
  verifiedClientId: uuid("verified_client_id"),
  tenantVerifiedAt: timestamp("tenant_verified_at", { withTimezone: true }),
  // Graph's @odata.deltaLink of the last completed run; never written by Simulate.
  deltaLink: text("delta_link"),
  deltaLinkAt: timestamp("delta_link_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
});

export type EntraSettings = typeof entraSettings.$inferSelect;
export type NewEntraSettings = typeof entraSettings.$inferInsert;
