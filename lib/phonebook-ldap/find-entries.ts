import "server-only";
import { and, asc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, companyExtensions, directoryEntries } from "@/db/schema";
import { entryLogin, entryLoginCondition } from "@/lib/directory/entry-login";
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
  const attributes = searchableAttributes(query.settings, {
    column: sql`coalesce(${d.extension}, ${login.extension})`,
    equals: (value) => extensionEquals(query.customerId, value),
  });
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

/**
 * `ipPhone=<value>`: the entry whose extension it is — its own, or its
 * login's when it has none — found through company_extensions (one row per
 * extension in the company, keyed by it), not by working out every entry's
 * login: a phone asks this on every incoming call, and a company may have
 * 100,000 people. Extensions are unique in the company, so an entry holding
 * the value itself and a login holding it never both exist.
 */
function extensionEquals(customerId: string, value: string): SQL {
  const d = directoryEntries;
  const ce = companyExtensions;
  const held = and(eq(ce.customerId, customerId), eq(ce.extension, value));
  const ownHolder = db()
    .select({ id: ce.directoryEntryId })
    .from(ce)
    .where(and(held, isNotNull(ce.directoryEntryId)));
  const loginHolder = db().select({ id: d.id }).from(ce).innerJoin(accounts, eq(accounts.id, ce.accountId)).innerJoin(d, entryLoginCondition).where(held);
  // `= any(array(…))`: each list is worked out once, and PostgreSQL finds its entries by primary key — beside the
  // GIN index of the number branches, one bitmap scan answers the phone's whole (|(telephoneNumber=…)(ipPhone=…)).
  return sql`(${d.id} = any(array(${ownHolder})) or (${d.extension} is null and ${d.id} = any(array(${loginHolder}))))`;
}
