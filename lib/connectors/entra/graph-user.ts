import type { DirectoryStatus, SourceAttributes } from "@/db/schema";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import { phoneFields } from "@/lib/phone/phone-fields";
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
  "officeLocation",
  "employeeId",
  "companyName",
  "city",
  "country",
  "onPremisesExtensionAttributes",
  // A navigation property: in delta, Graph answers it as `manager@delta` and
  // reports a user whose manager changed (learn.microsoft.com/graph/api/user-delta).
  "manager",
] as const;

/** The 15 Exchange attributes Entra keeps for a user, synced from AD or set in Entra. */
export const extensionAttributeNames = Array.from({ length: 15 }, (_, i) => `extensionAttribute${i + 1}`);

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
  officeLocation?: string | null;
  employeeId?: string | null;
  companyName?: string | null;
  city?: string | null;
  country?: string | null;
  onPremisesExtensionAttributes?: Record<string, string | null> | null;
  /**
   * The manager, as delta reports it: a list of directory objects, each
   * `{ "@odata.type": "#microsoft.graph.user", id }`; one carrying `@removed`
   * is a manager taken away.
   */
  "manager@delta"?: { id?: string; "@removed"?: unknown }[] | null;
};

/** A delta item is a user, or the note that one left: `@removed` with reason `changed` (soft) or `deleted` (hard). */
export type DeltaItem = GraphUser & { "@removed"?: { reason: string } };

/** A Graph user as the directory's fields; its numbers also in E.164, with the company's default country. */
export function toSyncedFields(user: GraphUser, country: CountryCode | null): SyncedFields {
  const firstName = user.givenName ?? null;
  const lastName = user.surname ?? null;
  // The iPECS "office phone" is the first business phone.
  const officePhone = user.businessPhones?.[0] ?? null;
  const mobilePhone = user.mobilePhone ?? null;
  const attributes = attributesOf(user);
  const phones = phoneFields({ officePhone, mobilePhone, attributes }, country);
  // One literal with every field, never a spread with more added: V8 gives each object so built a hidden class of its
  // own, in the old generation, and two per person (here and a listing's manager) were most of what a worker's
  // heap grew by with large tenants' pages in flight.
  return {
    userPrincipalName: user.userPrincipalName ?? null,
    firstName,
    lastName,
    displayName: displayNameOf(user.displayName, firstName, lastName, user.userPrincipalName, user.id),
    email: user.mail ?? null,
    officePhone,
    mobilePhone,
    jobTitle: user.jobTitle ?? null,
    department: user.department ?? null,
    accountName: null,
    attributes,
    officePhoneE164: phones.officePhoneE164,
    mobilePhoneE164: phones.mobilePhoneE164,
    phonesE164: phones.phonesE164,
    unparsedPhones: phones.unparsedPhones,
  };
}

/** The extra attributes the directory keeps (keys as Graph names them); empty values are left out. */
export function attributesOf(user: GraphUser): SourceAttributes {
  const out: SourceAttributes = {};
  const put = (key: string, value: unknown) => {
    if (typeof value === "string" && value.trim() !== "") out[key] = value;
  };
  put("officeLocation", user.officeLocation);
  put("employeeId", user.employeeId);
  put("companyName", user.companyName);
  put("city", user.city);
  put("country", user.country);
  put("manager", managerOf(user)?.toLowerCase());
  const extensions = user.onPremisesExtensionAttributes;
  if (extensions && typeof extensions === "object") for (const name of extensionAttributeNames) put(name, extensions[name]);
  const phones = (Array.isArray(user.businessPhones) ? user.businessPhones : []).filter((p) => typeof p === "string" && p.trim() !== "");
  if (phones.length > 0) out.businessPhones = phones;
  return out;
}

/**
 * The manager's object ID from `manager@delta`: the last entry not marked
 * `@removed`. None (absent, empty, or only a removal) is no manager: the sync
 * treats every delta item as the user's whole state, as it does for the fields.
 */
function managerOf(user: GraphUser): string | null {
  const links = user["manager@delta"];
  if (!Array.isArray(links)) return null;
  const current = links.filter((l) => l && typeof l === "object" && l["@removed"] === undefined && typeof l.id === "string");
  return current.at(-1)?.id ?? null;
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

/** A delta item as the sync plans it, its numbers read with the company's default country. */
export function fromGraph(item: DeltaItem, filter: GraphFilter, country: CountryCode | null): SourceEntry {
  const key = item.id.toLowerCase();
  return {
    key,
    removed: item["@removed"] !== undefined,
    filteredOut: (filter.skipGuests && item.userType === "Guest") || (filter.members !== null && !filter.members.has(key)),
    fields: toSyncedFields(item, country),
    status: statusOf(item),
  };
}
