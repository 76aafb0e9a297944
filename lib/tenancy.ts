import { eq, type Placeholder, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The tenant filter. Every query on customer data goes through it, so a row ID
 * that belongs to another customer simply matches nothing: "not found". A
 * prepared statement passes the customer as its `customerId` placeholder; a
 * statement that checks a credential first, the customer it found (a column).
 */
export function ofCustomer(table: { customerId: PgColumn }, customerId: string | Placeholder<"customerId"> | PgColumn): SQL {
  return eq(table.customerId, customerId);
}
