import { boolean, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

/**
 * Which directory entries a company's phonebooks (remote XML, vCard, CSV and
 * LDAP) publish. Active entries only, always; no row means the defaults.
 */
export const phonebookSettings = pgTable("phonebook_settings", {
  customerId: uuid("customer_id")
    .primaryKey()
    .references(() => customers.id, { onDelete: "cascade" }),
  // Entries a manager typed in (not synced): a company may keep private contacts there.
  includeManual: boolean("include_manual").notNull().default(false),
  // Mobile numbers are personal: some companies publish only office numbers and extensions.
  hideMobile: boolean("hide_mobile").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type PhonebookSettingsRow = typeof phonebookSettings.$inferSelect;
