import { and, eq } from "drizzle-orm";
import { accounts, directoryEntries } from "@/db/schema";

/**
 * Joins a login to the directory entry it is linked to: the same Entra tenant
 * and object ID, in the same company — never another company's entry or login,
 * even when two companies sync the same tenant.
 */
export const linkedEntryJoin = and(
  eq(directoryEntries.customerId, accounts.customerId),
  eq(directoryEntries.aadTenantId, accounts.aadTenantId),
  eq(directoryEntries.aadObjectId, accounts.aadObjectId),
);
