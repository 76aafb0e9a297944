import { boolean, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

/**
 * Real time for a customer with MS AAD in use: the one Graph subscription the
 * worker keeps on the tenant's users, and what the MS AAD screen says about it.
 * The clientState Graph sends back with each notification is random and stored
 * sealed (AES-256-GCM, bound to the customer) like the client secret.
 */
export const graphSubscriptions = pgTable(
  "graph_subscriptions",
  {
    customerId: uuid("customer_id")
      .primaryKey()
      .references(() => customers.id, { onDelete: "cascade" }),
    // The manager's switch; on unless turned off. The schedule runs either way.
    enabled: boolean("enabled").notNull().default(true),
    // Graph's subscription ID and expiry; null while there is none.
    subscriptionId: text("subscription_id"),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    clientStateCiphertext: text("client_state_ciphertext"),
    clientStateKeyId: text("client_state_key_id"),
    lastNotificationAt: timestamp("last_notification_at", { withTimezone: true }),
    // The last failure to create or renew, in plain words for the screen; cleared by the next success.
    lastErrorCode: text("last_error_code"),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // A notification names only its subscription: that is how it finds its customer.
  (t) => [uniqueIndex("graph_subscriptions_subscription_idx").on(t.subscriptionId)],
);

export type GraphSubscription = typeof graphSubscriptions.$inferSelect;
