import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const customers = pgTable("customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  // The slug is the part after "@" in every portal ID of the customer
  // (e.g. `rich@cm`), so it is unique and never reused for another company.
  slug: text("slug").notNull().unique(),
  timeZone: text("time_zone").notNull().default("UTC"),
  // ISO 3166 alpha-2 (e.g. "US"): the country of the company's phone numbers written without a country code.
  // Null until a manager chooses one: then only numbers in international form (+…) are normalised.
  defaultCountry: text("default_country"),
  // Set by the operator: nobody of the company signs in, its syncs stop and its SCIM tokens are refused
  // until it is reactivated. Its data stays as it is.
  suspendedAt: timestamp("suspended_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Customer = typeof customers.$inferSelect;
export type NewCustomer = typeof customers.$inferInsert;
