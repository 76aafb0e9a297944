import { bigserial, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";
import { directoryEntries } from "./directory-entries";

/**
 * Bearer tokens a manager creates for Entra's provisioning service. Only a
 * SHA-256 hash is kept (the token is 256 random bits, so a fast hash is
 * enough); the token itself is shown once, when created.
 */
export const scimTokens = pgTable(
  "scim_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    // The last characters, so a manager can tell tokens apart.
    hint: text("hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("scim_tokens_customer_idx").on(t.customerId)],
);

/** Every SCIM request: when, what, and how it ended — shown on the SCIM screen. */
export const scimRequests = pgTable(
  "scim_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    tokenId: uuid("token_id").references(() => scimTokens.id, { onDelete: "set null" }),
    method: text("method").notNull(),
    path: text("path").notNull(),
    operation: text("operation").notNull(),
    status: integer("status").notNull(),
    // The SCIM error's detail when it failed; never a token or a request body.
    detail: text("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scim_requests_customer_time_idx").on(t.customerId, t.createdAt)],
);

/** Groups pushed by Entra; members are directory entries of the same customer. */
export const scimGroups = pgTable(
  "scim_groups",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    displayName: text("display_name").notNull(),
    externalId: text("external_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("scim_groups_customer_name_idx").on(t.customerId, t.displayName)],
);

export const scimGroupMembers = pgTable(
  "scim_group_members",
  {
    groupId: uuid("group_id")
      .notNull()
      .references(() => scimGroups.id, { onDelete: "cascade" }),
    entryId: uuid("entry_id")
      .notNull()
      .references(() => directoryEntries.id, { onDelete: "cascade" }),
    // The member's name as the client sent it ("display", or "displayName" from some clients).
    display: text("display"),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.entryId] })],
);

export type ScimToken = typeof scimTokens.$inferSelect;
export type ScimGroup = typeof scimGroups.$inferSelect;
