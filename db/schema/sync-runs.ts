import { sql } from "drizzle-orm";
import { bigserial, index, integer, json, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { customers } from "./customers";

/** Where a run reads the directory from: Microsoft Graph, or Active Directory over LDAPS. */
export const syncConnectors = ["entra", "active-directory"] as const;
/** A pull connector's id: in code, folders, routes, job payloads and the `sync_connector` enum. */
export type ConnectorId = (typeof syncConnectors)[number];
export const syncConnectorEnum = pgEnum("sync_connector", syncConnectors);

// `notification`: a delta run started by Graph change notifications (real time).
export const syncTriggers = ["schedule", "one_time", "simulate", "full_resync", "notification"] as const;
export type SyncTrigger = (typeof syncTriggers)[number];
export const syncTriggerEnum = pgEnum("sync_trigger", syncTriggers);

export const syncStatuses = ["queued", "running", "succeeded", "failed", "needs_confirmation", "confirmed", "superseded"] as const;
export type SyncStatus = (typeof syncStatuses)[number];
export const syncStatusEnum = pgEnum("sync_status", syncStatuses);

export const syncRounds = ["full", "delta"] as const;
export const syncRoundEnum = pgEnum("sync_round", syncRounds);

/** One sync run, whatever started it: the history table, live progress and the outcome. */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    connector: syncConnectorEnum("connector").notNull().default("entra"),
    trigger: syncTriggerEnum("trigger").notNull(),
    status: syncStatusEnum("status").notNull().default("queued"),
    round: syncRoundEnum("round"),
    // How the connector read the round, in words for the run page (Entra: parallel listings, or one delta walk and why).
    readAs: text("read_as"),
    requestedBy: uuid("requested_by").references(() => accounts.id, { onDelete: "set null" }),
    // The queue's job that runs it, when the job is not named after the run (a schedule's job): a run whose job
    // the queue no longer holds is lost, and the next start fails it (lib/sync/create-run-reclaiming.ts).
    jobId: text("job_id"),
    attempts: integer("attempts").notNull().default(0),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    created: integer("created").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    disabled: integer("disabled").notNull().default(0),
    removed: integer("removed").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    skipped: integer("skipped").notNull().default(0),
    pagesFetched: integer("pages_fetched").notNull().default(0),
    entriesProcessed: integer("entries_processed").notNull().default(0),
    throttleWaits: integer("throttle_waits").notNull().default(0),
    throttleWaitMs: integer("throttle_wait_ms").notNull().default(0),
    // Requests retried because Graph was unavailable (503, 504) or the connection
    // dropped: not throttling, which is 429 alone and counted above.
    unavailableRetries: integer("unavailable_retries").notNull().default(0),
    // Requests that waited for the tenant's Graph budget (our own limiter, shared by every process), and how long.
    budgetWaits: integer("budget_waits").notNull().default(0),
    budgetWaitMs: integer("budget_wait_ms").notNull().default(0),
    // Removals found by a completed run, held back until applied or confirmed.
    pendingRemovals: integer("pending_removals").notNull().default(0),
    // The delta link this run reached; copied to the settings only when the run is final.
    deltaLink: text("delta_link"),
    errorCode: text("error_code"),
    error: text("error"),
    // The ends of the run (succeeded, failed, needs_confirmation, confirmed) whose webhook events are not yet
    // emitted: set by the statement that ends the run when an endpoint listens, cleared by the one that emits
    // them (lib/webhook-events/run-events.ts). What stays set is a lost job, enqueued again by the sweep.
    webhookEventsOwed: text("webhook_events_owed")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [
    index("sync_runs_customer_time_idx").on(t.customerId, t.queuedAt),
    // The sweep's question, answered from the few runs that owe events.
    index("sync_runs_webhook_events_owed_idx")
      .on(t.finishedAt)
      .where(sql`${t.webhookEventsOwed} <> '{}'::text[]`),
    // The database, not a race between two clicks, decides that a customer has one active run per connector.
    uniqueIndex("sync_runs_one_active_per_customer")
      .on(t.customerId, t.connector)
      .where(sql`${t.status} in ('queued', 'running')`),
  ],
);

export type SyncRun = typeof syncRuns.$inferSelect;

export const syncChangeKinds = ["created", "updated", "disabled", "enabled", "removed", "restored"] as const;
export type SyncChangeKind = (typeof syncChangeKinds)[number];
export const syncChangeKindEnum = pgEnum("sync_change_kind", syncChangeKinds);

/**
 * What a run changed (or, for Simulate, would change) for whom: field → [old, new].
 * Entries a run created are not here but in syncRunCreatedPages. The rows
 * carry no foreign keys but the run's (whose delete cascades): the customer's
 * follows from the run, and the entry is found by its object ID (the
 * connector's key), which a sync never changes.
 */
export const syncRunChanges = pgTable(
  "sync_run_changes",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").notNull(),
    // The connector's stable key: Entra's object ID or AD's objectGUID.
    objectId: uuid("object_id").notNull(),
    displayName: text("display_name"),
    kind: syncChangeKindEnum("kind").notNull(),
    fields: jsonb("fields").$type<Record<string, [unknown, unknown]>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sync_run_changes_run_idx").on(t.runId, t.id)],
);

export type SyncRunChange = typeof syncRunChanges.$inferSelect;

/**
 * The entries a run created (or, for Simulate, would create), one row per
 * page of the source: the page's new entries exactly as they were written to
 * the directory, in the same statement and from the same parameter. A first
 * sync creates every entry, and a row per entry here cost as much again as
 * writing the entries themselves (see bench/sync); `json` keeps the text as
 * sent, where `jsonb` would take it apart.
 */
export const syncRunCreatedPages = pgTable(
  "sync_run_created_pages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").notNull(),
    entryCount: integer("entry_count").notNull(),
    // Each the connector's key, the status and the synced fields: lib/sync/plan-page.ts's EntryWrite.
    entries: json("entries").$type<Record<string, unknown>[]>().notNull(),
  },
  (t) => [index("sync_run_created_pages_run_idx").on(t.runId, t.id)],
);
