import "server-only";
import { and, asc, eq, ilike, inArray, isNotNull, notExists, or } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries, entraSettings } from "@/db/schema";
import { tenantProven } from "@/lib/connectors/entra/settings/proven-tenant";
import { likePattern } from "@/lib/pagination";
import { ofCustomer } from "@/lib/tenancy";

export type LinkCandidate = {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  userPrincipalName: string | null;
};

export const candidateLimit = 20;

/**
 * The Entra accounts a login may be linked to: synced, active, in the tenant
 * the company proved, not linked to a login of this company yet, matching what
 * the manager types. Links in other companies are not looked at: the picker
 * must not reveal them (a clash there is refused in neutral words). Walking the (customer,
 * display name) index and stopping at 20 matches keeps this quick in a
 * 100,000-entry directory, so the picker can ask on every keystroke.
 */
export async function searchLinkCandidates({ customerId, q }: { customerId: string; q: string }): Promise<LinkCandidate[]> {
  const pattern = likePattern(q.trim());
  return db()
    .select({
      id: directoryEntries.id,
      displayName: directoryEntries.displayName,
      firstName: directoryEntries.firstName,
      lastName: directoryEntries.lastName,
      email: directoryEntries.email,
      userPrincipalName: directoryEntries.userPrincipalName,
    })
    .from(directoryEntries)
    .innerJoin(
      entraSettings,
      and(eq(entraSettings.customerId, directoryEntries.customerId), eq(entraSettings.tenantId, directoryEntries.aadTenantId), tenantProven),
    )
    .where(
      and(
        ofCustomer(directoryEntries, customerId),
        inArray(directoryEntries.source, ["entra", "scim"]),
        eq(directoryEntries.status, "active"),
        isNotNull(directoryEntries.aadObjectId),
        q.trim()
          ? or(ilike(directoryEntries.displayName, pattern), ilike(directoryEntries.email, pattern), ilike(directoryEntries.userPrincipalName, pattern))
          : undefined,
        notExists(
          db()
            .select({ id: accounts.id })
            .from(accounts)
            .where(
              and(
                eq(accounts.customerId, directoryEntries.customerId),
                eq(accounts.aadTenantId, directoryEntries.aadTenantId),
                eq(accounts.aadObjectId, directoryEntries.aadObjectId),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(directoryEntries.displayName), asc(directoryEntries.id))
    .limit(candidateLimit);
}
