import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

/**
 * A customer's webhook endpoints (Authority Setting → Webhooks): where the
 * portal tells a PBX, a CRM or a help desk that the directory changed. The
 * signing secret is kept sealed (lib/secrets/secret-box.ts, bound to the
 * customer) because each delivery must sign with it; the screen shows it once.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    // Event types (lib/webhooks/event-types.ts) the endpoint hears of.
    eventTypes: text("event_types").array().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    secretCiphertext: text("secret_ciphertext").notNull(),
    secretKeyId: text("secret_key_id").notNull(),
    // The secret's last four characters, so a manager can tell which one a receiver holds.
    secretHint: text("secret_hint").notNull(),
    secretUpdatedAt: timestamp("secret_updated_at", { withTimezone: true }).notNull().defaultNow(),
    // When deliveries started failing without a success since; an endpoint failing for too long is disabled.
    failingSince: timestamp("failing_since", { withTimezone: true }),
    // Why the portal disabled it, in plain words for the screen (null when a manager did, or it is enabled).
    disabledReason: text("disabled_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_endpoints_customer_idx").on(t.customerId)],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

export const webhookDeliveryStatuses = ["pending", "delivered", "failed"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];
export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", webhookDeliveryStatuses);

/**
 * One event for one endpoint, and how its delivery went: the delivery log.
 * The ID orders an endpoint's deliveries; those with the same order key (the
 * directory entry they are about) go out one after another in that order.
 * Only a short snippet of a receiver's answer is kept.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    // The Standard Webhooks `webhook-id`: the same on every attempt, so receivers deduplicate by it.
    messageId: text("message_id").notNull(),
    customerId: uuid("customer_id").notNull(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").notNull(),
    orderKey: text("order_key"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    statusCode: integer("status_code"),
    latencyMs: integer("latency_ms"),
    error: text("error"),
    responseSnippet: text("response_snippet"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_deliveries_message_idx").on(t.messageId),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    // What keeps an entry's events in order: its earlier deliveries still pending.
    index("webhook_deliveries_pending_order_idx")
      .on(t.endpointId, t.orderKey, t.id)
      .where(sql`${t.status} = 'pending'`),
    // The sweep's question (lib/webhook-events/sweep-lost-events.ts): deliveries never attempted, whose job may be lost.
    index("webhook_deliveries_unattempted_idx")
      .on(t.id)
      .where(sql`${t.status} = 'pending' and ${t.attempts} = 0`),
  ],
);

export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
