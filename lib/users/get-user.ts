import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import { notFound } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";

/** A user of this customer; another customer's user ID is "not found". */
export async function getUser({ customerId, userId }: { customerId: string; userId: string }) {
  const [user] = await db()
    .select({
      id: accounts.id,
      portalId: accounts.portalId,
      name: accounts.name,
      email: accounts.email,
      extension: accounts.extension,
      site: accounts.site,
      groupMemberType: accounts.groupMemberType,
      package: accounts.package,
      userType: accounts.userType,
      aadTenantId: accounts.aadTenantId,
      aadObjectId: accounts.aadObjectId,
      // Provisioning: the entry the user was made for, what a manager set by hand, and suspension.
      directoryEntryId: accounts.directoryEntryId,
      entryName: directoryEntries.displayName,
      entrySource: directoryEntries.source,
      entryStatus: directoryEntries.status,
      handSetFields: accounts.handSetFields,
      suspendedAt: accounts.suspendedAt,
      suspendedReason: accounts.suspendedReason,
      deleteAfter: accounts.deleteAfter,
    })
    .from(accounts)
    .leftJoin(directoryEntries, and(eq(directoryEntries.id, accounts.directoryEntryId), eq(directoryEntries.customerId, accounts.customerId)))
    .where(and(ofCustomer(accounts, customerId), eq(accounts.id, userId), eq(accounts.role, "user")))
    .limit(1);
  if (!user) throw notFound("The user");
  return user;
}
