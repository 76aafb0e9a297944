import type { DirectoryStatus } from "@/db/schema";

/** The user properties a sync asks Graph for (`$select`): what we store and what the options need. */
export const selectedUserProperties = [
  "id",
  "userPrincipalName",
  "displayName",
  "givenName",
  "surname",
  "mail",
  "businessPhones",
  "mobilePhone",
  "jobTitle",
  "department",
  "accountEnabled",
  "userType",
] as const;

export type GraphUser = {
  id: string;
  userPrincipalName?: string | null;
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  mail?: string | null;
  businessPhones?: string[] | null;
  mobilePhone?: string | null;
  jobTitle?: string | null;
  department?: string | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
};

/** A delta item is a user, or the note that one left: `@removed` with reason `changed` (soft) or `deleted` (hard). */
export type DeltaItem = GraphUser & { "@removed"?: { reason: string } };

/** The fields of a directory entry that come from Entra; everything else about an entry is local. */
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
] as const satisfies readonly (keyof SyncedFields)[];

export function toSyncedFields(user: GraphUser): SyncedFields {
  const firstName = user.givenName ?? null;
  const lastName = user.surname ?? null;
  return {
    userPrincipalName: user.userPrincipalName ?? null,
    firstName,
    lastName,
    displayName: user.displayName || [firstName, lastName].filter(Boolean).join(" ") || user.userPrincipalName || user.id,
    email: user.mail ?? null,
    // The iPECS "office phone" is the first business phone.
    officePhone: user.businessPhones?.[0] ?? null,
    mobilePhone: user.mobilePhone ?? null,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
  };
}

export function statusOf(user: GraphUser): DirectoryStatus {
  return user.accountEnabled === false ? "disabled" : "active";
}
