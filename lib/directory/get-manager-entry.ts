import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, type DirectoryEntry } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { uuidPattern } from "@/lib/validation/uuid-pattern";

/**
 * The entry of an Entra person's manager in the same company's directory
 * (same tenant, by the manager's object ID), or null. AD names a manager by
 * DN, which the directory does not keep, so an AD manager is never found
 * here and the page shows the DN itself.
 */
export async function getManagerEntry({
  customerId,
  entry,
}: {
  customerId: string;
  entry: Pick<DirectoryEntry, "source" | "aadTenantId" | "attributes">;
}): Promise<{ id: string; displayName: string } | null> {
  const manager = entry.attributes?.manager;
  if (entry.source !== "entra" || !entry.aadTenantId || typeof manager !== "string" || !uuidPattern.test(manager)) return null;
  const [found] = await db()
    .select({ id: directoryEntries.id, displayName: directoryEntries.displayName })
    .from(directoryEntries)
    .where(
      and(
        ofCustomer(directoryEntries, customerId),
        isNotNull(directoryEntries.aadObjectId),
        eq(directoryEntries.aadTenantId, entry.aadTenantId),
        eq(directoryEntries.aadObjectId, manager.toLowerCase()),
      ),
    )
    .limit(1);
  return found ?? null;
}
