import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

export async function getDirectoryEntry({ customerId, entryId }: { customerId: string; entryId: string }) {
  const [entry] = await db()
    .select()
    .from(directoryEntries)
    .where(and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.id, entryId)))
    .limit(1);
  if (!entry) throw notFound("The directory entry");
  return entry;
}
