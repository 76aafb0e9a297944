import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, type DirectoryStatus } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";

export type LinkedEntry = { id: string; displayName: string; userPrincipalName: string | null; email: string | null; status: DirectoryStatus };

/** The directory entry a login is linked to, to show beside the AAD ID field. */
export async function getLinkedEntry(customerId: string, link: { aadTenantId: string | null; aadObjectId: string | null }): Promise<LinkedEntry | null> {
  if (!link.aadTenantId || !link.aadObjectId) return null;
  const [entry] = await db()
    .select({
      id: directoryEntries.id,
      displayName: directoryEntries.displayName,
      userPrincipalName: directoryEntries.userPrincipalName,
      email: directoryEntries.email,
      status: directoryEntries.status,
    })
    .from(directoryEntries)
    .where(
      and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.aadTenantId, link.aadTenantId), eq(directoryEntries.aadObjectId, link.aadObjectId)),
    )
    .limit(1);
  return entry ?? null;
}
