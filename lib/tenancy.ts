import { eq, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The tenant filter. Every query on customer data goes through it, so a row ID
 * that belongs to another customer simply matches nothing: "not found". A
 * prepared statement passes the customer as its `customerId` placeholder.
 */
export function ofCustomer(table: { customerId: PgColumn }, customerId: string | Placeholder<"customerId">): SQL {
  return eq(table.customerId, customerId);
}
