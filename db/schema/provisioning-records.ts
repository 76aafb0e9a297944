import { bigserial, index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { syncRuns } from "./sync-runs";

export const provisioningActions = [
  "created",
  "updated",
  "linked",
  "suspended",
  "restored",
  "scheduled_deletion",
  "deleted",
  "extension_clash",
  "no_extension",
] as const;
export type ProvisioningAction = (typeof provisioningActions)[number];
export const provisioningActionEnum = pgEnum("provisioning_action", provisioningActions);

/**
 * What provisioning did (or, for Simulate, would do) for whom in a run: a
 * user created with its extension and devices, suspended, restored, deleted,
 * or an extension it could not give, with what was done instead — the run
 * page lists them per person.
 */
export const provisioningRecords = pgTable(
  "provisioning_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => syncRuns.id, { onDelete: "cascade" }),
    customerId: uuid("customer_id").notNull(),
    // The directory entry the user belongs to (no foreign key: history outlives entries).
    directoryEntryId: uuid("directory_entry_id"),
    accountId: uuid("account_id"),
    displayName: text("display_name").notNull(),
    action: provisioningActionEnum("action").notNull(),
    // portalId, extension, devices, fields changed, and a sentence for clashes.
    detail: jsonb("detail").$type<ProvisioningDetail>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("provisioning_records_run_idx").on(t.runId, t.id)],
);

export type ProvisioningDetail = {
  portalId?: string;
  extension?: string | null;
  devices?: string[];
  fields?: Record<string, [unknown, unknown]>;
  message?: string;
  deleteAfter?: string;
};

export type ProvisioningRecord = typeof provisioningRecords.$inferSelect;
