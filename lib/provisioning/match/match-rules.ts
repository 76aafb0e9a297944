import "server-only";
import { and, eq, inArray, isNull, ne, notExists, or, sql, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";

/** The sources whose people a login can be matched to: the synced and pushed ones, never a typed-in entry. */
export const matchableSources = ["entra", "active-directory", "scim"] as const;

/** A login that may be matched: a user (not a manager), provisioned for no one, linked to no Entra account or AD entry. */
export const unlinkedLogin = (customerId: string): SQL =>
  and(
    eq(accounts.customerId, customerId),
    eq(accounts.role, "user"),
    isNull(accounts.directoryEntryId),
    isNull(accounts.aadObjectId),
    isNull(accounts.ldapObjectGuid),
  )!;

/**
 * A synced person no login holds yet — not as its provisioned entry, not by
 * an Entra link, not by an AD link — and not removed. An Entra person counts
 * only in the company's proven tenant: a link in a tenant merely named would
 * tie an account of somebody else's tenant to this company.
 */
export function unheldPerson(tx: Pick<Database, "select">, customerId: string, provenTenant: string | null): SQL {
  const holder = (on: SQL | undefined) =>
    tx
      .select({ one: sql`1` })
      .from(accounts)
      .where(on);
  return and(
    eq(directoryEntries.customerId, customerId),
    inArray(directoryEntries.source, [...matchableSources]),
    ne(directoryEntries.status, "removed"),
    provenTenant === null ? ne(directoryEntries.source, "entra") : or(ne(directoryEntries.source, "entra"), eq(directoryEntries.aadTenantId, provenTenant)),
    notExists(holder(eq(accounts.directoryEntryId, directoryEntries.id))),
    notExists(
      holder(
        and(
          sql`${directoryEntries.aadObjectId} is not null`,
          eq(accounts.aadTenantId, directoryEntries.aadTenantId),
          eq(accounts.aadObjectId, directoryEntries.aadObjectId),
        ),
      ),
    ),
    notExists(
      holder(
        and(
          sql`${directoryEntries.ldapObjectGuid} is not null`,
          eq(accounts.customerId, directoryEntries.customerId),
          eq(accounts.ldapObjectGuid, directoryEntries.ldapObjectGuid),
        ),
      ),
    ),
  )!;
}
