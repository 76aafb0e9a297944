import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";

/**
 * The key a customer's PBX sends to the caller-ID API: one per customer
 * (rotating replaces it, revoking deletes it). Only a SHA-256 hash is kept, as
 * for SCIM tokens (the key is 256 random bits, so a fast hash is enough); the
 * key itself is shown once. The row also counts the key's requests in a fixed
 * window, so authenticating and rate-limiting a lookup is one UPDATE.
 */
export const callerIdKeys = pgTable("caller_id_keys", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  keyHash: text("key_hash").notNull().unique(),
  // The last characters, so a manager can tell which key a PBX holds.
  hint: text("hint").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid("created_by").references(() => accounts.id, { onDelete: "set null" }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull().defaultNow(),
  windowCount: integer("window_count").notNull().default(0),
});

export type CallerIdKey = typeof callerIdKeys.$inferSelect;
