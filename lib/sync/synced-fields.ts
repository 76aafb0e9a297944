import type { DirectoryStatus } from "@/db/schema";

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
};

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
] as const satisfies readonly (keyof SyncedFields)[];

export type SyncedFieldName = (typeof syncedFieldNames)[number];

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
