import { integer, pgEnum, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

/** The user fields a company may restrict to a list of its own (kept on the Company screen). */
export const picklistNames = ["package", "user_type", "site"] as const;
export type PicklistName = (typeof picklistNames)[number];
export const picklistNameEnum = pgEnum("picklist_name", picklistNames);

/**
 * One value of a company's list, in the order the manager wrote them. A list
 * with no values leaves its field free text, as it was before lists existed.
 */
export const customerPicklistItems = pgTable(
  "customer_picklist_items",
  {
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    picklist: picklistNameEnum("picklist").notNull(),
    value: text("value").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ name: "customer_picklist_items_pkey", columns: [t.customerId, t.picklist, t.value] })],
);

export type CustomerPicklistItem = typeof customerPicklistItems.$inferSelect;
