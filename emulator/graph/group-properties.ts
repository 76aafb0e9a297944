import type { GroupRecord } from "../state/group-directory";
import { badRequest } from "./graph-error";
import type { FilterSchema } from "./odata-filter";
import { splitList } from "./odata-params";

/** Structural properties of microsoft.graph.group (Graph v1.0) plus id and deletedDateTime. */
const GROUP_PROPERTY_NAMES = [
  "id",
  "deletedDateTime",
  "allowExternalSenders",
  "assignedLabels",
  "assignedLicenses",
  "autoSubscribeNewMembers",
  "classification",
  "createdDateTime",
  "description",
  "displayName",
  "expirationDateTime",
  "groupTypes",
  "hasMembersWithLicenseErrors",
  "hideFromAddressLists",
  "hideFromOutlookClients",
  "isArchived",
  "isAssignableToRole",
  "isSubscribedByMail",
  "licenseProcessingState",
  "mail",
  "mailEnabled",
  "mailNickname",
  "membershipRule",
  "membershipRuleProcessingState",
  "onPremisesDomainName",
  "onPremisesLastSyncDateTime",
  "onPremisesNetBiosName",
  "onPremisesProvisioningErrors",
  "onPremisesSamAccountName",
  "onPremisesSecurityIdentifier",
  "onPremisesSyncEnabled",
  "preferredDataLocation",
  "preferredLanguage",
  "proxyAddresses",
  "renewedDateTime",
  "securityEnabled",
  "securityIdentifier",
  "serviceProvisioningErrors",
  "theme",
  "unseenCount",
  "visibility",
] as const;

const COLLECTIONS = new Set([
  "assignedLabels",
  "assignedLicenses",
  "groupTypes",
  "onPremisesProvisioningErrors",
  "proxyAddresses",
  "serviceProvisioningErrors",
]);

/** What GET /groups returns without $select (the commonly returned subset). */
export const DEFAULT_GROUP_SELECT = [
  "id",
  "deletedDateTime",
  "classification",
  "createdDateTime",
  "description",
  "displayName",
  "expirationDateTime",
  "groupTypes",
  "isAssignableToRole",
  "mail",
  "mailEnabled",
  "mailNickname",
  "membershipRule",
  "membershipRuleProcessingState",
  "onPremisesSyncEnabled",
  "preferredDataLocation",
  "preferredLanguage",
  "proxyAddresses",
  "renewedDateTime",
  "securityEnabled",
  "securityIdentifier",
  "theme",
  "visibility",
  "onPremisesProvisioningErrors",
  "serviceProvisioningErrors",
];

const GETTERS: Record<string, (group: GroupRecord) => unknown> = {
  id: (g) => g.id,
  createdDateTime: (g) => g.createdDateTime,
  renewedDateTime: (g) => g.createdDateTime,
  description: (g) => g.description,
  displayName: (g) => g.displayName,
  groupTypes: (g) => g.groupTypes,
  mail: (g) => g.mail,
  mailEnabled: (g) => g.mailEnabled,
  mailNickname: (g) => g.mailNickname,
  securityEnabled: (g) => g.securityEnabled,
  proxyAddresses: (g) => (g.mail ? [`SMTP:${g.mail}`] : []),
  visibility: (g) => (g.groupTypes.includes("Unified") ? "Private" : null),
};

const CANONICAL = new Map(GROUP_PROPERTY_NAMES.map((name) => [name.toLowerCase(), name]));

export function canonicalGroupProperty(name: string): string | undefined {
  return CANONICAL.get(name.toLowerCase());
}

export function parseGroupSelect(raw: string | null): { select: string[]; explicit: boolean } {
  if (raw === null) return { select: DEFAULT_GROUP_SELECT, explicit: false };
  const select = splitList(raw, "$select").map((name) => {
    const canonical = canonicalGroupProperty(name);
    if (!canonical) throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${name}' on type 'microsoft.graph.group'.`);
    return canonical;
  });
  return { select, explicit: true };
}

export function groupProjector(select: readonly string[]): (group: GroupRecord) => Record<string, unknown> {
  const getters = select.map((name) => [name, GETTERS[name] ?? (COLLECTIONS.has(name) ? () => [] : () => null)] as const);
  return (group) => {
    const out: Record<string, unknown> = {};
    for (const [name, get] of getters) out[name] = get(group);
    return out;
  };
}

export const GROUP_FILTER_SCHEMA: FilterSchema<GroupRecord> = {
  typeName: "microsoft.graph.group",
  isKnown: (name) => canonicalGroupProperty(name) !== undefined,
  fields: {
    id: { type: "string", get: (g) => g.id },
    displayName: { type: "string", get: (g) => g.displayName },
    mail: { type: "string", get: (g) => g.mail },
    mailNickname: { type: "string", get: (g) => g.mailNickname },
    mailEnabled: { type: "boolean", get: (g) => g.mailEnabled },
    securityEnabled: { type: "boolean", get: (g) => g.securityEnabled },
  },
};
