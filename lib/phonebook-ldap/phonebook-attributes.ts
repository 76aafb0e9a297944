import { sql, type SQL } from "drizzle-orm";
import { directoryEntries } from "@/db/schema";
import type { PhonebookEntry, PhonebookSettings } from "@/lib/phonebook/published-entries";
import type { EntryAttribute } from "./protocol/write-response";

/** The object classes of every person entry: what phones and address books look for (inetOrgPerson, RFC 2798). */
export const objectClasses = ["top", "person", "organizationalPerson", "inetOrgPerson"] as const;

export type SearchableAttribute = {
  /** The value as the entry holds it (numbers as written), for ILIKE. */
  column: SQL;
  /** For phone numbers: the E.164 column, and phones_e164 (every number of the entry, GIN-indexed) to find it by. */
  e164?: { column: SQL; all: SQL };
  /** Equality of its own, where comparing the column row by row would cost the search (the extension: see findEntries). */
  equals?: (value: string) => SQL;
};

/**
 * What a filter may name, lowercased, over directory_entries and the entry's
 * login (the extension). `ipPhone` is the extension, as Active Directory and
 * most phones' LDAP settings use it; `telephoneNumber` the office number.
 * The mobile number is not searchable when the company hides it: a phone
 * must not learn that a number is someone's mobile by finding them with it.
 */
export function searchableAttributes(
  settings: PhonebookSettings,
  extension: Required<Pick<SearchableAttribute, "column" | "equals">>,
): Record<string, SearchableAttribute> {
  const d = directoryEntries;
  const all = sql`${d.phonesE164}`;
  const attributes: Record<string, SearchableAttribute> = {
    cn: { column: sql`${d.displayName}` },
    displayname: { column: sql`${d.displayName}` },
    sn: { column: sql`coalesce(${d.lastName}, ${d.displayName})` },
    givenname: { column: sql`${d.firstName}` },
    mail: { column: sql`${d.email}` },
    title: { column: sql`${d.jobTitle}` },
    department: { column: sql`${d.department}` },
    uid: { column: sql`${d.id}::text` },
    entryuuid: { column: sql`${d.id}::text` },
    telephonenumber: { column: sql`${d.officePhone}`, e164: { column: sql`${d.officePhoneE164}`, all } },
    ipphone: extension,
  };
  if (!settings.hideMobile) attributes.mobile = { column: sql`${d.mobilePhone}`, e164: { column: sql`${d.mobilePhoneE164}`, all } };
  return attributes;
}

/** Which attributes a search asked for (RFC 4511 §4.5.1.8): none listed or `*` all user attributes, `+` the operational, `1.1` none. */
export type AttributeSelection = { all: boolean; operational: boolean; names: Set<string> };

export function attributeSelection(requested: string[]): AttributeSelection {
  const names = new Set(requested);
  return { all: requested.length === 0 || names.has("*"), operational: names.has("+"), names };
}

/** A person's attributes as LDAP returns them, in a fixed order; empty values are left out, as LDAP has no empty attribute. */
export function entryAttributes(entry: PhonebookEntry, selection: AttributeSelection, typesOnly: boolean): EntryAttribute[] {
  const user: [string, string | readonly string[] | null][] = [
    ["objectClass", objectClasses],
    ["uid", entry.id],
    ["cn", entry.displayName],
    ["displayName", entry.displayName],
    ["sn", entry.lastName ?? entry.displayName],
    ["givenName", entry.firstName],
    ["telephoneNumber", entry.officePhone],
    ["mobile", entry.mobilePhone],
    ["ipPhone", entry.extension],
    ["mail", entry.email],
    ["title", entry.jobTitle],
    ["department", entry.department],
  ];
  const attributes: EntryAttribute[] = [];
  const add = (name: string, value: string | readonly string[] | null) => {
    if (value === null || value === "") return;
    attributes.push([name, typesOnly ? [] : typeof value === "string" ? [value] : value]);
  };
  for (const [name, value] of user) if (selection.all || selection.names.has(name.toLowerCase())) add(name, value);
  if (selection.operational || selection.names.has("entryuuid")) add("entryUUID", entry.id);
  return attributes;
}
