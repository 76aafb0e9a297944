import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries } from "@/db/schema";
import { entryLogin } from "@/lib/directory/entry-login";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { phonebookColumns, publishedWhere, type PagePosition, type PhonebookEntry, type PhonebookSettings } from "@/lib/phonebook/published-entries";
import { filterToSql } from "./filter-to-sql";
import { searchableAttributes } from "./phonebook-attributes";
import type { Filter } from "./protocol/ldap-request";

export type EntryQuery = {
  customerId: string;
  settings: PhonebookSettings;
  country: CountryCode | null;
  filter: Filter;
  /** Only this entry (a search based at a person's DN). */
  entryId?: string;
  /** Keyset paging: the entries after this one, in (display name, id) order. */
  after?: PagePosition;
  limit: number;
};

/**
 * The customer's published entries matching an LDAP filter, in (display
 * name, id) order — a stable order, so a paged search sends each entry
 * once. Published means what the foundation says (active, manual entries
 * only when the company includes them, mobile numbers hidden when it hides
 * them); the filter only narrows it.
 */
export async function findEntries(query: EntryQuery): Promise<PhonebookEntry[]> {
  const d = directoryEntries;
  const login = entryLogin();
  const attributes = searchableAttributes(query.settings, sql`coalesce(${d.extension}, ${login.extension})`);
  const conditions: (SQL | undefined)[] = [
    publishedWhere(query.customerId, query.settings),
    filterToSql(query.filter, { attributes, country: query.country }),
    query.entryId ? eq(d.id, query.entryId) : undefined,
    query.after ? sql`(${d.displayName}, ${d.id}) > (${query.after.displayName}, ${query.after.id}::uuid)` : undefined,
  ];
  return db()
    .select(phonebookColumns(query.settings, login))
    .from(d)
    .leftJoinLateral(login, sql`true`)
    .where(and(...conditions))
    .orderBy(asc(d.displayName), asc(d.id))
    .limit(query.limit);
}
