import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { customers } from "@/db/schema";
import { notFound } from "@/lib/errors";

export async function getCustomer({ customerId }: { customerId: string }) {
  const [customer] = await db().select().from(customers).where(eq(customers.id, customerId)).limit(1);
  if (!customer) throw notFound("The company");
  return customer;
}
