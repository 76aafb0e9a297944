import "server-only";
import { and, asc, eq, ne, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { directoryEntries, phonebookSettings } from "@/db/schema";
import { entryLogin } from "@/lib/directory/entry-login";
import { ofCustomer } from "@/lib/tenancy";

/** Which entries a company's phonebooks publish (db/schema/phonebook-settings.ts). */
export type PhonebookSettings = { includeManual: boolean; hideMobile: boolean };

export const defaultPhonebookSettings: PhonebookSettings = { includeManual: false, hideMobile: false };

export async function getPhonebookSettings({ customerId }: { customerId: string }): Promise<PhonebookSettings> {
  const [row] = await db()
    .select({ includeManual: phonebookSettings.includeManual, hideMobile: phonebookSettings.hideMobile })
    .from(phonebookSettings)
    .where(ofCustomer(phonebookSettings, customerId));
  return row ?? defaultPhonebookSettings;
}

/** One person as every phonebook format publishes them. */
export type PhonebookEntry = {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  /** The entry's own extension, else its login's: the number colleagues dial. */
  extension: string | null;
  /** In E.164 when it parsed (phones dial it from anywhere), else as the source wrote it. */
  officePhone: string | null;
  /** As officePhone; null when the company hides mobile numbers. */
  mobilePhone: string | null;
  email: string | null;
  jobTitle: string | null;
  department: string | null;
};

const d = directoryEntries;

/** The published entries of a customer: active only (never disabled or removed), typed-in ones only when the company says so. */
export function publishedWhere(customerId: string, settings: PhonebookSettings): SQL {
  return and(ofCustomer(d, customerId), eq(d.status, "active"), settings.includeManual ? undefined : ne(d.source, "manual"))!;
}

/**
 * The select list of a PhonebookEntry, each named as its field (so a page read
 * without drizzle's mapping has the same shape); the query must left-join
 * `entryLogin()` as `login` (publishedEntries does). Every value is text.
 */
export function phonebookColumns(settings: PhonebookSettings, login: ReturnType<typeof entryLogin>) {
  const text = <T extends string | null>(field: keyof PhonebookEntry, value: SQL | PgColumn) => sql<T>`${value}`.as(field);
  return {
    id: text<string>("id", sql`${d.id}::text`),
    displayName: text<string>("displayName", d.displayName),
    firstName: text<string | null>("firstName", d.firstName),
    lastName: text<string | null>("lastName", d.lastName),
    extension: text<string | null>("extension", sql`coalesce(${d.extension}, ${login.extension})`),
    officePhone: text<string | null>("officePhone", sql`coalesce(${d.officePhoneE164}, ${d.officePhone})`),
    mobilePhone: text<string | null>("mobilePhone", settings.hideMobile ? sql`null::text` : sql`coalesce(${d.mobilePhoneE164}, ${d.mobilePhone})`),
    email: text<string | null>("email", d.email),
    jobTitle: text<string | null>("jobTitle", d.jobTitle),
    department: text<string | null>("department", d.department),
  };
}

/**
 * The customer's published entries as a query to narrow further (an LDAP
 * filter's condition, a page's position): `.where(and(publishedWhere(…), more))`
 * replaces the condition, so pass publishedWhere again with yours.
 */
export function publishedEntries(customerId: string, settings: PhonebookSettings) {
  const login = entryLogin();
  return db()
    .select(phonebookColumns(settings, login))
    .from(d)
    .leftJoinLateral(login, sql`true`)
    .where(publishedWhere(customerId, settings))
    .$dynamic();
}

/** Where a page of the phonebook ends: the next page starts after it. */
export type PagePosition = { displayName: string; id: string };

/**
 * One page of the published entries in (display name, id) order, after a
 * position: keyset paging on (customer_id, display_name), so a phonebook of
 * 100,000 entries streams a page at a time and a page deep in it costs what
 * the first does. Names that sort equal are told apart by id.
 */
export async function publishedEntryPage({
  customerId,
  settings,
  after,
  limit,
}: {
  customerId: string;
  settings: PhonebookSettings;
  after?: PagePosition;
  limit: number;
}): Promise<PhonebookEntry[]> {
  const position = after ? sql`(${d.displayName}, ${d.id}) > (${after.displayName}, ${after.id}::uuid)` : undefined;
  const page = publishedEntries(customerId, settings)
    .where(and(publishedWhere(customerId, settings), position))
    .orderBy(asc(d.displayName), asc(d.id))
    .limit(limit);
  // The rows as the driver reads them, already named as PhonebookEntry's fields: drizzle's mapping of each field of
  // each row was an eighth of a phonebook download's time.
  return [...(await db().execute<PhonebookEntry>(page.getSQL()))];
}
