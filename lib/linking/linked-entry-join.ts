import { and, eq, isNotNull, or } from "drizzle-orm";
import { accounts, directoryEntries } from "@/db/schema";

/**
 * Joins a login to the directory entry it is linked to, in the same company —
 * never another company's entry or login, even when two companies sync the
 * same tenant: the same Entra tenant and object ID, or the same AD objectGUID.
 * (`is not null` lets PostgreSQL use the entries' partial key indexes.)
 */
export const linkedEntryJoin = and(
  eq(directoryEntries.customerId, accounts.customerId),
  or(
    and(
      isNotNull(directoryEntries.aadObjectId),
      eq(directoryEntries.aadTenantId, accounts.aadTenantId),
      eq(directoryEntries.aadObjectId, accounts.aadObjectId),
    ),
    and(isNotNull(directoryEntries.ldapObjectGuid), eq(directoryEntries.ldapObjectGuid, accounts.ldapObjectGuid)),
  ),
);
