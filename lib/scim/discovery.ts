import { scimBasePath } from "./scim-context";
import { schemaUris } from "./scim-json";

/** RFC 7643 §5: what this endpoint supports. */
export const serviceProviderConfig = {
  schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
  documentationUri: "https://datatracker.ietf.org/doc/html/rfc7644",
  patch: { supported: true },
  bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
  filter: { supported: true, maxResults: 500 },
  changePassword: { supported: false },
  sort: { supported: false },
  etag: { supported: false },
  authenticationSchemes: [
    { type: "oauthbearertoken", name: "Bearer token", description: "A token created by a manager on the portal's SCIM screen.", primary: true },
  ],
  meta: { resourceType: "ServiceProviderConfig", location: `${scimBasePath}/ServiceProviderConfig` },
};

export const resourceTypes = [
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "User",
    name: "User",
    endpoint: "/Users",
    description: "User Account",
    schema: schemaUris.user,
    schemaExtensions: [{ schema: schemaUris.enterpriseUser, required: false }],
    meta: { resourceType: "ResourceType", location: `${scimBasePath}/ResourceTypes/User` },
  },
  {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    id: "Group",
    name: "Group",
    endpoint: "/Groups",
    description: "Group",
    schema: schemaUris.group,
    meta: { resourceType: "ResourceType", location: `${scimBasePath}/ResourceTypes/Group` },
  },
];

const attribute = (name: string, type = "string", extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});
const multi = (name: string, subs: string[]) =>
  attribute(name, "complex", { multiValued: true, subAttributes: subs.map((s) => attribute(s, s === "primary" ? "boolean" : "string")) });

/** RFC 7643 §7: the attributes we read and return, for clients that discover them. */
export const schemas = [
  {
    id: schemaUris.user,
    name: "User",
    description: "User Account",
    attributes: [
      attribute("userName", "string", { required: true, uniqueness: "server" }),
      attribute("name", "complex", { subAttributes: ["formatted", "familyName", "givenName"].map((s) => attribute(s)) }),
      attribute("displayName"),
      attribute("title"),
      attribute("preferredLanguage"),
      attribute("active", "boolean"),
      attribute("externalId", "string", { caseExact: true }),
      multi("emails", ["value", "type", "primary"]),
      multi("phoneNumbers", ["value", "type", "primary"]),
      multi("addresses", ["formatted", "streetAddress", "locality", "region", "postalCode", "country", "type", "primary"]),
    ],
    meta: { resourceType: "Schema", location: `${scimBasePath}/Schemas/${schemaUris.user}` },
  },
  {
    id: schemaUris.enterpriseUser,
    name: "EnterpriseUser",
    description: "Enterprise User",
    attributes: ["employeeNumber", "costCenter", "organization", "division", "department"]
      .map((n) => attribute(n))
      .concat([attribute("manager", "complex", { subAttributes: [attribute("value"), attribute("displayName", "string", { mutability: "readOnly" })] })]),
    meta: { resourceType: "Schema", location: `${scimBasePath}/Schemas/${schemaUris.enterpriseUser}` },
  },
  {
    id: schemaUris.group,
    name: "Group",
    description: "Group",
    attributes: [
      attribute("displayName", "string", { required: true }),
      attribute("externalId", "string", { caseExact: true }),
      multi("members", ["value", "display"]),
    ],
    meta: { resourceType: "Schema", location: `${scimBasePath}/Schemas/${schemaUris.group}` },
  },
];

export const listOf = (resources: unknown[]) => ({
  schemas: [schemaUris.listResponse],
  totalResults: resources.length,
  startIndex: 1,
  itemsPerPage: resources.length,
  Resources: resources,
});
