import type { DirectoryStatus, SourceAttributes } from "@/db/schema";
import type { PhoneFields } from "@/lib/phone/phone-fields";

/** The fields of a directory entry that a connector owns; everything else about an entry is local. */
export type SyncedFields = {
  userPrincipalName: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  email: string | null;
  officePhone: string | null;
  mobilePhone: string | null;
  jobTitle: string | null;
  department: string | null;
  /** AD's sAMAccountName; Entra has none. */
  accountName: string | null;
  /** The source's extra attributes (keys as the source names them); an empty value has no key. */
  attributes: SourceAttributes;
} & PhoneFields;

export const syncedFieldNames = [
  "userPrincipalName",
  "firstName",
  "lastName",
  "displayName",
  "email",
  "officePhone",
  "mobilePhone",
  "jobTitle",
  "department",
  "accountName",
  "attributes",
  // The numbers in E.164, made by the connector from the raw ones with the company's country (lib/phone/phone-fields.ts).
  "officePhoneE164",
  "mobilePhoneE164",
  "phonesE164",
  "unparsedPhones",
] as const satisfies readonly (keyof SyncedFields)[];

export type SyncedFieldName = (typeof syncedFieldNames)[number];

/**
 * Whether two sets of attributes say the same: key by key, so the order of
 * the keys (PostgreSQL's jsonb keeps its own) never makes a change. Lists
 * compare in order: the first business phone is the office phone. Runs for
 * every entry of every page, so it stops at the first difference and builds nothing.
 */
export function sameAttributes(a: SourceAttributes | null | undefined, b: SourceAttributes | null | undefined): boolean {
  const left = a ?? {};
  const right = b ?? {};
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  for (const key of keys) {
    if (!Object.hasOwn(right, key) || !sameAttributeValue(left[key], right[key])) return false;
  }
  return true;
}

/** The synced fields that are lists (text[] columns); the others are texts, and attributes an object. */
export const listFieldNames: ReadonlySet<SyncedFieldName> = new Set(["phonesE164", "unparsedPhones"]);

/** One attribute's values (or a list field's): a text, or a list compared in order. */
export function sameAttributeValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, i) => item === b[i]);
}

/**
 * One user as a connector delivers it, already mapped: its stable key
 * (Entra's object ID, AD's objectGUID), the fields, and whether it is gone
 * from the source or left out by the connector's options (guests, groups).
 */
export type SourceEntry = {
  key: string;
  removed: boolean;
  filteredOut: boolean;
  fields: SyncedFields;
  status: DirectoryStatus;
};

/** A name to show for anyone: the display name, else first and last name, else the first fallback given. */
export function displayNameOf(
  displayName: string | null | undefined,
  firstName: string | null,
  lastName: string | null,
  ...fallbacks: (string | null | undefined)[]
): string {
  return displayName || [firstName, lastName].filter(Boolean).join(" ") || fallbacks.find(Boolean) || "";
}
