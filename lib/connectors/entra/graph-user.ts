import type { DirectoryStatus } from "@/db/schema";
import { displayNameOf, type SourceEntry, type SyncedFields } from "@/lib/sync/synced-fields";

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

export function toSyncedFields(user: GraphUser): SyncedFields {
  const firstName = user.givenName ?? null;
  const lastName = user.surname ?? null;
  return {
    userPrincipalName: user.userPrincipalName ?? null,
    firstName,
    lastName,
    displayName: displayNameOf(user.displayName, firstName, lastName, user.userPrincipalName, user.id),
    email: user.mail ?? null,
    // The iPECS "office phone" is the first business phone.
    officePhone: user.businessPhones?.[0] ?? null,
    mobilePhone: user.mobilePhone ?? null,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    accountName: null,
  };
}

export function statusOf(user: GraphUser): DirectoryStatus {
  return user.accountEnabled === false ? "disabled" : "active";
}

/** Graph's options for which users the directory keeps: no guests, or only members of some groups. */
export type GraphFilter = {
  skipGuests: boolean;
  /** Transitive members of the chosen groups, or null for everyone. */
  members: ReadonlySet<string> | null;
};

/** A delta item as the sync plans it. */
export function fromGraph(item: DeltaItem, filter: GraphFilter): SourceEntry {
  const key = item.id.toLowerCase();
  return {
    key,
    removed: item["@removed"] !== undefined,
    filteredOut: (filter.skipGuests && item.userType === "Guest") || (filter.members !== null && !filter.members.has(key)),
    fields: toSyncedFields(item),
    status: statusOf(item),
  };
}
