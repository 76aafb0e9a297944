import { boolean, index, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";

export const deviceKinds = ["softphone", "mobile"] as const;
export type DeviceKind = (typeof deviceKinds)[number];
export const deviceKindEnum = pgEnum("device_kind", deviceKinds);

export const deviceStatuses = ["active", "disabled"] as const;
export type DeviceStatus = (typeof deviceStatuses)[number];
export const deviceStatusEnum = pgEnum("device_status", deviceStatuses);

/**
 * A user's phones, as pascom creates them for imported users: a softphone and
 * a mobile-phone client. The SIP credential is kept sealed like the client
 * secret (AES-256-GCM, bound to the customer) and shown once, when a manager
 * generates it.
 */
export const devices = pgTable(
  "devices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    kind: deviceKindEnum("kind").notNull(),
    label: text("label").notNull(),
    status: deviceStatusEnum("status").notNull().default("active"),
    // Disabled because its owner was suspended: restored with the owner, unlike one a manager disabled.
    disabledWithOwner: boolean("disabled_with_owner").notNull().default(false),
    sipUsername: text("sip_username").notNull().unique(),
    credentialCiphertext: text("credential_ciphertext").notNull(),
    credentialKeyId: text("credential_key_id").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One device of each kind per user: provisioning creating it twice (two runs at once) is refused by the database.
    unique("devices_account_kind_unique").on(t.accountId, t.kind),
    index("devices_customer_idx").on(t.customerId),
  ],
);

export type Device = typeof devices.$inferSelect;
