import { extensionAttributeNames } from "../state/user-input";
import type { UserRecord } from "../state/user-record";

/**
 * Every structural property of microsoft.graph.user in Graph v1.0 (from the
 * 2026 CSDL in shared/data/graph-openapi) plus the inherited id and
 * deletedDateTime: the names $select accepts. Anything else is a 400, as Graph
 * answers.
 */
const USER_PROPERTY_NAMES = [
  "id",
  "deletedDateTime",
  "aboutMe",
  "accountEnabled",
  "ageGroup",
  "assignedLicenses",
  "assignedPlans",
  "authorizationInfo",
  "birthday",
  "businessPhones",
  "city",
  "companyName",
  "consentProvidedForMinor",
  "country",
  "createdDateTime",
  "creationType",
  "customSecurityAttributes",
  "department",
  "deviceEnrollmentLimit",
  "displayName",
  "employeeHireDate",
  "employeeId",
  "employeeLeaveDateTime",
  "employeeOrgData",
  "employeeType",
  "externalUserState",
  "externalUserStateChangeDateTime",
  "faxNumber",
  "givenName",
  "hireDate",
  "identities",
  "identityParentId",
  "imAddresses",
  "interests",
  "isManagementRestricted",
  "isResourceAccount",
  "jobTitle",
  "lastPasswordChangeDateTime",
  "legalAgeGroupClassification",
  "licenseAssignmentStates",
  "mail",
  "mailNickname",
  "mailboxSettings",
  "mobilePhone",
  "mySite",
  "officeLocation",
  "onPremisesDistinguishedName",
  "onPremisesDomainName",
  "onPremisesExtensionAttributes",
  "onPremisesImmutableId",
  "onPremisesLastSyncDateTime",
  "onPremisesProvisioningErrors",
  "onPremisesSamAccountName",
  "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled",
  "onPremisesUserPrincipalName",
  "otherMails",
  "passwordPolicies",
  "passwordProfile",
  "pastProjects",
  "postalCode",
  "preferredDataLocation",
  "preferredLanguage",
  "preferredName",
  "print",
  "provisionedPlans",
  "proxyAddresses",
  "responsibilities",
  "schools",
  "securityIdentifier",
  "serviceProvisioningErrors",
  "showInAddressList",
  "signInActivity",
  "signInSessionsValidFromDateTime",
  "skills",
  "state",
  "streetAddress",
  "surname",
  "usageLocation",
  "userPrincipalName",
  "userType",
] as const;

/** Collection-valued properties answer [] rather than null when the emulator keeps no value. */
const COLLECTIONS = new Set([
  "assignedLicenses",
  "assignedPlans",
  "businessPhones",
  "identities",
  "imAddresses",
  "licenseAssignmentStates",
  "onPremisesProvisioningErrors",
  "otherMails",
  "provisionedPlans",
  "proxyAddresses",
  "serviceProvisioningErrors",
  "interests",
  "pastProjects",
  "responsibilities",
  "schools",
  "skills",
]);

/** Returned when no $select is given, in Graph's order. */
export const DEFAULT_USER_SELECT = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
];

type Getter = (user: UserRecord) => unknown;

/**
 * UserRecord fields that hold a Graph property of the same name, read as they
 * are (the projector compiles these to direct field reads).
 */
const STORED = [
  "id",
  "deletedDateTime",
  "accountEnabled",
  "businessPhones",
  "city",
  "companyName",
  "country",
  "createdDateTime",
  "department",
  "displayName",
  "employeeId",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "userType",
] as const satisfies readonly (keyof UserRecord & (typeof USER_PROPERTY_NAMES)[number])[];

const STORED_NAMES: ReadonlySet<string> = new Set(STORED);

/** Properties the emulator derives from what it stores. */
const DERIVED: Record<string, Getter> = {
  creationType: (u) => (u.userType === "Guest" ? "Invitation" : null),
  externalUserState: (u) => (u.userType === "Guest" ? "Accepted" : null),
  mailNickname: (u) => u.userPrincipalName.slice(0, u.userPrincipalName.indexOf("@")),
  // Graph answers all fifteen, null where unset.
  onPremisesExtensionAttributes: (u) => Object.fromEntries(extensionAttributeNames.map((name) => [name, u.onPremisesExtensionAttributes?.[name] ?? null])),
  otherMails: (u) => (u.userType === "Guest" && u.mail ? [u.mail] : []),
  proxyAddresses: (u) => (u.mail && u.userType === "Member" ? [`SMTP:${u.mail}`] : []),
  usageLocation: (u) => (u.userType === "Member" ? "US" : null),
};

/** Whether a property is a stored field of the same name (read directly). */
export function isStoredUserProperty(name: string): boolean {
  return STORED_NAMES.has(name);
}

const CANONICAL = new Map(USER_PROPERTY_NAMES.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a property ($select is case-insensitive), or undefined if unknown. */
export function canonicalUserProperty(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

/** Properties the emulator stores or derives; the rest of the list answers null / []. */
export function userGetter(name: string): Getter {
  if (STORED_NAMES.has(name)) return (u) => u[name as keyof UserRecord];
  const getter = DERIVED[name];
  if (getter) return getter;
  return COLLECTIONS.has(name) ? () => [] : () => null;
}

/**
 * Navigation properties `users/delta` accepts in `$select`: the change of the
 * relationship is tracked and answered as `<name>@delta`.
 */
export const DELTA_NAVIGATION_PROPERTIES = ["manager"] as const;
