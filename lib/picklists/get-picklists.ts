import "server-only";
import { asc } from "drizzle-orm";
import { db, type Database } from "@/db/client";
import { customerPicklistItems, type PicklistName } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

export type Picklists = Record<PicklistName, string[]>;

/** A company's lists for the user form, each in the order the manager wrote it (an empty list: the field is free text). */
export async function getPicklists({ customerId }: { customerId: string }, tx: Pick<Database, "select"> = db()): Promise<Picklists> {
  const rows = await tx
    .select({ picklist: customerPicklistItems.picklist, value: customerPicklistItems.value })
    .from(customerPicklistItems)
    .where(ofCustomer(customerPicklistItems, customerId))
    .orderBy(asc(customerPicklistItems.position));
  const lists: Picklists = { package: [], user_type: [], site: [] };
  for (const row of rows) lists[row.picklist].push(row.value);
  return lists;
}
