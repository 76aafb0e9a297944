import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, companyExtensions, directoryEntries, type LdapSettings } from "@/db/schema";
import { customerPortalId } from "@/lib/accounts/portal-id";
import { getCustomer } from "@/lib/customers/get-customer";
import { violatedConstraint } from "@/lib/db-errors";
import { logger } from "@/lib/logger";
import { ofCustomer } from "@/lib/tenancy";

/**
 * Stored as the password hash of logins created for directory entries: it is
 * not an argon2 hash, so no password ever matches it. Such a login signs in
 * with the directory password only.
 */
export const directoryOnlyPasswordHash = "!directory-password-only";

export type PortalUsersResult = { created: number; withoutExtension: number };

/**
 * pascom's "create a user for every imported entry": each entry the import
 * just read that no login is linked to gets one, with the next free extension of
 * the configured range and the default package and user type. The link's
 * unique key (customer, objectGUID) makes a second creation impossible, even
 * from two runs at once.
 *
 * "Free" means free in the whole company — no user and no directory entry has
 * it (company_extensions). Should a manager take one of the chosen extensions
 * between the read and the insert, the database refuses the whole insert and
 * it is tried again with a fresh read.
 */
export async function createPortalUsers(input: Parameters<typeof createPortalUsersOnce>[0]): Promise<PortalUsersResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await createPortalUsersOnce(input);
    } catch (error) {
      if (attempt >= 3 || violatedConstraint(error) !== "company_extensions_pkey") throw error;
    }
  }
}

async function createPortalUsersOnce({
  customerId,
  settings,
  seen,
}: {
  customerId: string;
  settings: Pick<LdapSettings, "extensionRangeStart" | "extensionRangeEnd" | "defaultPackage" | "defaultUserType">;
  seen: ReadonlySet<string>;
}): Promise<PortalUsersResult> {
  if (seen.size === 0) return { created: 0, withoutExtension: 0 };
  const { slug } = await getCustomer({ customerId });
  const unlinked = await db()
    .select({
      guid: directoryEntries.ldapObjectGuid,
      accountName: directoryEntries.accountName,
      displayName: directoryEntries.displayName,
      email: directoryEntries.email,
    })
    .from(directoryEntries)
    .leftJoin(accounts, and(eq(accounts.customerId, directoryEntries.customerId), eq(accounts.ldapObjectGuid, directoryEntries.ldapObjectGuid)))
    .where(
      and(
        ofCustomer(directoryEntries, customerId),
        eq(directoryEntries.source, "active-directory"),
        ne(directoryEntries.status, "removed"),
        isNull(accounts.id),
        // Only what the import just read: an entry about to be removed gets no login.
        sql`${directoryEntries.ldapObjectGuid} = any(${`{${[...seen].join(",")}}`}::uuid[])`,
      ),
    )
    .orderBy(directoryEntries.accountName);
  if (unlinked.length === 0) return { created: 0, withoutExtension: 0 };

  const taken = await db().select({ portalId: accounts.portalId }).from(accounts).where(ofCustomer(accounts, customerId));
  const inUse = await db().select({ extension: companyExtensions.extension }).from(companyExtensions).where(ofCustomer(companyExtensions, customerId));
  const free = freeExtensions(settings, new Set(inUse.map((t) => t.extension)));
  const portalIds = new Set(taken.map((t) => t.portalId));

  const rows = [];
  for (const entry of unlinked) {
    const extension = free.next();
    if (extension.done) break;
    rows.push({
      customerId,
      role: "user" as const,
      portalId: uniquePortalId(localPartOf(entry.accountName ?? entry.guid!), slug, portalIds),
      passwordHash: directoryOnlyPasswordHash,
      name: entry.displayName,
      email: entry.email,
      extension: extension.value,
      package: settings.defaultPackage,
      userType: settings.defaultUserType,
      ldapObjectGuid: entry.guid,
    });
  }
  if (rows.length > 0) {
    await db().insert(accounts).values(rows).onConflictDoNothing();
  }
  const withoutExtension = unlinked.length - rows.length;
  if (withoutExtension > 0) logger.warn({ customerId, withoutExtension }, "the extension range is used up: some imported entries have no portal user");
  return { created: rows.length, withoutExtension };
}

function* freeExtensions(settings: Pick<LdapSettings, "extensionRangeStart" | "extensionRangeEnd">, taken: ReadonlySet<string>): Generator<string> {
  if (settings.extensionRangeStart === null || settings.extensionRangeEnd === null) return;
  for (let n = settings.extensionRangeStart; n <= settings.extensionRangeEnd; n++) {
    if (!taken.has(String(n))) yield String(n);
  }
}

/** sAMAccountName as a portal ID's local part: lower case, only the characters portal IDs allow. */
function localPartOf(accountName: string): string {
  const cleaned = accountName
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "-")
    .replace(/^[^a-z0-9]+/, "");
  return (cleaned || "user").slice(0, 56);
}

function uniquePortalId(localPart: string, slug: string, taken: Set<string>): string {
  let candidate = customerPortalId(localPart, slug);
  for (let n = 2; taken.has(candidate); n++) candidate = customerPortalId(`${localPart}-${n}`, slug);
  taken.add(candidate);
  return candidate;
}
