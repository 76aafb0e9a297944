import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

export async function listManagers({ customerId }: { customerId: string }) {
  return db()
    .select({
      id: accounts.id,
      portalId: accounts.portalId,
      name: accounts.name,
      email: accounts.email,
      aadObjectId: accounts.aadObjectId,
      createdAt: accounts.createdAt,
    })
    .from(accounts)
    .where(and(ofCustomer(accounts, customerId), eq(accounts.role, "manager")))
    .orderBy(asc(accounts.portalId));
}
