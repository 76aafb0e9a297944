import { bigserial, index, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Failed sign-ins, one row each, keyed by `portal:<id>` and `ip:<address>`.
 * Kept in the database (not process memory) so the web process, its restarts
 * and several instances all count against the same limit.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    key: text("key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_failures_key_time_idx").on(t.key, t.createdAt)],
);
