import { boolean, integer, pgEnum, pgTable, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";
import { syncPeriodEnum } from "./entra-settings";

export const ldapUsernameAttributes = ["sAMAccountName", "userPrincipalName"] as const;
export type LdapUsernameAttribute = (typeof ldapUsernameAttributes)[number];
export const ldapUsernameAttributeEnum = pgEnum("ldap_username_attribute", ldapUsernameAttributes);

/**
 * A customer's Active Directory (LDAPS) connector: one row per customer. The
 * proxy user's password is stored only sealed (AES-256-GCM, with the key's ID),
 * exactly like the Entra client secret.
 */
export const ldapSettings = pgTable("ldap_settings", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  // Import on a schedule (Use) or not.
  enabled: boolean("enabled").notNull().default(false),
  url: text("url").notNull(),
  startTls: boolean("start_tls").notNull().default(false),
  caCertificate: text("ca_certificate"),
  baseDn: text("base_dn").notNull(),
  bindName: text("bind_name").notNull(),
  bindPasswordCiphertext: text("bind_password_ciphertext").notNull(),
  bindPasswordKeyId: text("bind_password_key_id").notNull(),
  userFilter: text("user_filter").notNull(),
  usernameAttribute: ldapUsernameAttributeEnum("username_attribute").notNull().default("sAMAccountName"),
  period: syncPeriodEnum("period").notNull().default("daily"),
  weekday: smallint("weekday"),
  runHour: smallint("run_hour").notNull().default(3),
  runMinute: smallint("run_minute").notNull().default(0),
  runSecond: smallint("run_second").notNull().default(0),
  skipDisabled: boolean("skip_disabled").notNull().default(false),
  removalThresholdPercent: integer("removal_threshold_percent").notNull().default(20),
  // "Configure authentication": logins linked to an imported entry sign in with the directory password.
  authenticationEnabled: boolean("authentication_enabled").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid("updated_by").references(() => accounts.id, { onDelete: "set null" }),
});

export type LdapSettings = typeof ldapSettings.$inferSelect;
