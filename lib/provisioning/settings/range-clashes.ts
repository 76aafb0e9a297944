import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, companyExtensions, directoryEntries } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import type { ProvisioningSource } from "./provisioning-sources";

/** How many clashing extensions the message names; the rest are counted. */
const named = 5;

/**
 * The extensions of a range that someone other than provisioning from this
 * source already holds: a hand-made user, a user provisioned from another
 * source, or a directory entry (a manager typed its extension). Provisioning
 * would skip them, so a range over them is refused when it is saved, in
 * words that name a few. Users provisioned from this same source are its own:
 * the range is theirs to keep.
 */
export async function rangeClashes(
  tx: Pick<Database, "select">,
  { customerId, source, start, end }: { customerId: string; source: ProvisioningSource; start: number; end: number },
): Promise<{ extensions: string[]; total: number }> {
  const numeric = sql`${companyExtensions.extension} ~ '^[0-9]{1,9}$' and ${companyExtensions.extension}::bigint between ${start} and ${end}`;
  const rows = await tx
    .select({ extension: companyExtensions.extension, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(companyExtensions)
    .leftJoin(accounts, eq(accounts.id, companyExtensions.accountId))
    .leftJoin(directoryEntries, eq(directoryEntries.id, accounts.directoryEntryId))
    .where(
      and(
        ofCustomer(companyExtensions, customerId),
        numeric,
        // Held by an entry, a hand-made user, or a user of another source.
        or(isNull(companyExtensions.accountId), isNull(directoryEntries.id), sql`${directoryEntries.source} <> ${source}`),
      ),
    )
    .orderBy(asc(sql`${companyExtensions.extension}::bigint`))
    .limit(named);
  return { extensions: rows.map((r) => r.extension), total: rows[0]?.total ?? 0 };
}

/** The field message for clashes found: which extensions, a few of them, and how many more. */
export function rangeClashMessage({ extensions, total }: { extensions: string[]; total: number }): string {
  const list = extensions.join(", ");
  const more = total > extensions.length ? ` and ${total - extensions.length} more` : "";
  const verb = total === 1 ? "is" : "are";
  return `${total === 1 ? "Extension" : "Extensions"} ${list}${more} in this range ${verb} already held by users or directory entries that provisioning does not manage. Choose a range around them, or free them first.`;
}
