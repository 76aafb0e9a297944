import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";

/**
 * Every extension in use in a company, whoever holds it: a user (accounts) or
 * a directory entry. The primary key is the company's one rule — an extension
 * is unique in the company — so PostgreSQL refuses an entry taking a user's
 * extension as it refuses two users sharing one, whichever comes first and
 * however many requests race.
 *
 * Written only by triggers on accounts and directory_entries (migration
 * 0012_company_extensions), in the transaction of the write that takes,
 * changes or frees the extension: no code path can forget it. The triggers
 * fire only when an extension is set, changed or dropped, so a sync's bulk
 * writes (which never touch the extension) pay nothing.
 */
export const companyExtensions = pgTable(
  "company_extensions",
  {
    customerId: uuid("customer_id").notNull(),
    extension: text("extension").notNull(),
    // Exactly one holder. No foreign keys: the triggers delete the row with its holder.
    accountId: uuid("account_id"),
    directoryEntryId: uuid("directory_entry_id"),
  },
  (t) => [
    primaryKey({ name: "company_extensions_pkey", columns: [t.customerId, t.extension] }),
    check("company_extensions_one_holder", sql`num_nonnulls(${t.accountId}, ${t.directoryEntryId}) = 1`),
    index("company_extensions_account_idx").on(t.accountId),
    index("company_extensions_directory_entry_idx").on(t.directoryEntryId),
  ],
);
