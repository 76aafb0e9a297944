import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/**
 * The tenant filter. Every query on customer data goes through it, so a row ID
 * that belongs to another customer simply matches nothing: "not found".
 */
export function ofCustomer(table: { customerId: PgColumn }, customerId: string): SQL {
  return eq(table.customerId, customerId);
}
