import type { ExtensionAttributes, UserInput } from "./user-input";

export type UserState = "active" | "softDeleted" | "hardDeleted";

/**
 * One user as the emulator stores it. Every record is built by `newUserRecord`
 * so all of them share one object shape (V8 keeps a million of them compact).
 * `ordinal` is the insertion position, `changeSeq` the sequence number of the
 * last change: together they make paging and delta independent of tenant size.
 */
export interface UserRecord {
  id: string;
  ordinal: number;
  changeSeq: number;
  state: UserState;
  createdDateTime: string;
  deletedDateTime: string | null;
  userPrincipalName: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  businessPhones: readonly string[];
  mobilePhone: string | null;
  jobTitle: string | null;
  department: string | null;
  officeLocation: string | null;
  employeeId: string | null;
  companyName: string | null;
  city: string | null;
  country: string | null;
  /** Only the extension attributes that hold a value; Graph answers all fifteen (see user-properties). */
  onPremisesExtensionAttributes: ExtensionAttributes | null;
  accountEnabled: boolean;
  userType: "Member" | "Guest";
  preferredLanguage: string | null;
  managerId: string | null;
  passwordHash: string | null;
}

const NO_PHONES: readonly string[] = Object.freeze([]);

export function newUserRecord(id: string, input: UserInput, ordinal: number, passwordHash: string | null, createdDateTime: string): UserRecord {
  return {
    id,
    ordinal,
    changeSeq: 0,
    state: "active",
    createdDateTime,
    deletedDateTime: null,
    userPrincipalName: input.userPrincipalName,
    displayName: input.displayName,
    givenName: input.givenName ?? null,
    surname: input.surname ?? null,
    mail: input.mail === undefined ? null : input.mail,
    businessPhones: input.businessPhones?.length ? input.businessPhones : NO_PHONES,
    mobilePhone: input.mobilePhone ?? null,
    jobTitle: input.jobTitle ?? null,
    department: input.department ?? null,
    officeLocation: input.officeLocation ?? null,
    employeeId: input.employeeId ?? null,
    companyName: input.companyName ?? null,
    city: input.city ?? null,
    country: input.country ?? null,
    onPremisesExtensionAttributes: mergeExtensionAttributes(null, input.onPremisesExtensionAttributes),
    accountEnabled: input.accountEnabled ?? true,
    userType: input.userType ?? "Member",
    preferredLanguage: input.preferredLanguage === undefined ? "en-US" : input.preferredLanguage,
    managerId: input.managerId ?? null,
    passwordHash,
  };
}

/** The record without internals, as the admin API returns it for assertions. */
export function describeUser(user: UserRecord) {
  const { passwordHash, ...visible } = user;
  return { ...visible, hasPassword: passwordHash !== null };
}

export type UserDescription = ReturnType<typeof describeUser>;

/**
 * Graph's PATCH of onPremisesExtensionAttributes changes only the attributes
 * it names (null clears one); the rest keep their values. Null for none left.
 */
export function mergeExtensionAttributes(
  current: ExtensionAttributes | null,
  patch: Partial<Record<string, string | null>> | null | undefined,
): ExtensionAttributes | null {
  if (patch === undefined) return current;
  if (patch === null) return null;
  const merged: Record<string, string> = { ...current };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete merged[name];
    else merged[name] = value;
  }
  return Object.keys(merged).length > 0 ? merged : null;
}
