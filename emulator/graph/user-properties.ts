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

/** Properties the emulator stores or derives; the rest of the list answers null / []. */
const GETTERS: Record<string, Getter> = {
  id: (u) => u.id,
  deletedDateTime: (u) => u.deletedDateTime,
  accountEnabled: (u) => u.accountEnabled,
  businessPhones: (u) => u.businessPhones,
  createdDateTime: (u) => u.createdDateTime,
  creationType: (u) => (u.userType === "Guest" ? "Invitation" : null),
  department: (u) => u.department,
  displayName: (u) => u.displayName,
  employeeId: (u) => u.employeeId,
  externalUserState: (u) => (u.userType === "Guest" ? "Accepted" : null),
  givenName: (u) => u.givenName,
  jobTitle: (u) => u.jobTitle,
  mail: (u) => u.mail,
  mailNickname: (u) => u.userPrincipalName.slice(0, u.userPrincipalName.indexOf("@")),
  mobilePhone: (u) => u.mobilePhone,
  officeLocation: (u) => u.officeLocation,
  otherMails: (u) => (u.userType === "Guest" && u.mail ? [u.mail] : []),
  preferredLanguage: (u) => u.preferredLanguage,
  proxyAddresses: (u) => (u.mail && u.userType === "Member" ? [`SMTP:${u.mail}`] : []),
  surname: (u) => u.surname,
  usageLocation: (u) => (u.userType === "Member" ? "US" : null),
  userPrincipalName: (u) => u.userPrincipalName,
  userType: (u) => u.userType,
};

const CANONICAL = new Map(USER_PROPERTY_NAMES.map((name) => [name.toLowerCase(), name]));

/** The canonical spelling of a property ($select is case-insensitive), or undefined if unknown. */
export function canonicalUserProperty(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

export function userGetter(name: string): Getter {
  const getter = GETTERS[name];
  if (getter) return getter;
  return COLLECTIONS.has(name) ? () => [] : () => null;
}
