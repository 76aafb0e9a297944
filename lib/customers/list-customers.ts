import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, customers } from "@/db/schema";

/** Operator view: every customer with its number of managers and users. */
export async function listCustomers() {
  return db()
    .select({
      id: customers.id,
      name: customers.name,
      slug: customers.slug,
      timeZone: customers.timeZone,
      createdAt: customers.createdAt,
      suspendedAt: customers.suspendedAt,
      managers: count(sql`case when ${accounts.role} = 'manager' then 1 end`),
      users: count(sql`case when ${accounts.role} = 'user' then 1 end`),
    })
    .from(customers)
    .leftJoin(accounts, eq(accounts.customerId, customers.id))
    .groupBy(customers.id)
    .orderBy(asc(customers.name));
}
