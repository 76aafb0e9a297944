import type { CountryCode } from "@/lib/phone/normalise-phone";
import { phoneFields } from "@/lib/phone/phone-fields";
import { keyOf } from "./attribute-path";
import { invalidValue } from "./scim-error";
import { schemaUris } from "./scim-json";

type Json = Record<string, unknown>;

// Entra's own limits: 256 characters for a display name (64 for given and family
// names, 113 for a UPN), 1,024 for a street address. The directory's indexes on
// names refuse a value of a few kilobytes, so a longer one is refused here as a 400.
const maxLength = { name: 256, other: 1024 } as const;
const indexedNames = new Set(["userName", "displayName", "name.givenName", "name.familyName", "name.formatted"]);

/** A SCIM attribute's text, trimmed; too long is a 400 here rather than an index's refusal later. */
function text(v: unknown, name: string): string | null {
  if (typeof v !== "string" || !v.trim()) return null;
  const limit = indexedNames.has(name) ? maxLength.name : maxLength.other;
  if (v.length > limit) throw invalidValue(`${name} is longer than ${limit} characters.`);
  return v.trim();
}
const get = (o: unknown, name: string): unknown => (o && typeof o === "object" && !Array.isArray(o) ? (o as Json)[keyOf(o as Json, name) ?? name] : undefined);
const list = (o: unknown, name: string): Json[] => {
  const v = get(o, name);
  return Array.isArray(v) ? (v.filter((i) => i && typeof i === "object") as Json[]) : [];
};
/** The item of a multi-valued attribute of that type, else the primary one, else the first. */
const pick = (items: Json[], type?: string) =>
  (type ? items.find((i) => String(get(i, "type") ?? "").toLowerCase() === type) : undefined) ??
  (type ? undefined : (items.find((i) => get(i, "primary") === true) ?? items[0]));

/** `active` as a boolean: true or false, or Entra's "True"/"False" strings; absent means active. Anything else is a 400. */
export function activeOf(resource: Json): boolean {
  const active = get(resource, "active");
  if (active === undefined || active === null) return true;
  if (typeof active === "boolean") return active;
  if (typeof active === "string" && ["true", "false"].includes(active.toLowerCase())) return active.toLowerCase() === "true";
  throw invalidValue("active must be true or false.");
}

function formatAddress(address: Json | undefined): string | null {
  if (!address) return null;
  return (
    text(get(address, "formatted"), "addresses.formatted") ??
    (["streetAddress", "locality", "region", "postalCode", "country"]
      .map((n) => text(get(address, n), `addresses.${n}`))
      .filter(Boolean)
      .join(", ") ||
      null)
  );
}

/** A SCIM User as the directory columns it fills (the Federated Directory attribute list); its numbers also in E.164. */
export function userColumns(resource: Json, country: CountryCode | null) {
  const userName = text(get(resource, "userName"), "userName");
  if (!userName) throw invalidValue("userName is required.");
  const name = get(resource, "name");
  const enterprise = get(resource, schemaUris.enterpriseUser);
  const emails = list(resource, "emails");
  const phones = list(resource, "phoneNumbers");
  const firstName = text(get(name, "givenName"), "name.givenName");
  const lastName = text(get(name, "familyName"), "name.familyName");
  const officePhone = text(get(pick(phones, "work"), "value"), "phoneNumbers.value");
  const mobilePhone = text(get(pick(phones, "mobile"), "value"), "phoneNumbers.value");
  return {
    userPrincipalName: userName,
    externalId: text(get(resource, "externalId"), "externalId"),
    firstName,
    lastName,
    displayName:
      text(get(resource, "displayName"), "displayName") ??
      text(get(name, "formatted"), "name.formatted") ??
      ([firstName, lastName].filter(Boolean).join(" ") || userName),
    email: text(get(pick(emails, "work") ?? pick(emails), "value"), "emails.value"),
    officePhone,
    mobilePhone,
    ...phoneFields({ officePhone, mobilePhone }, country),
    jobTitle: text(get(resource, "title"), "title"),
    department: text(get(enterprise, "department"), "department"),
    employeeNumber: text(get(enterprise, "employeeNumber"), "employeeNumber"),
    costCenter: text(get(enterprise, "costCenter"), "costCenter"),
    manager: text(get(get(enterprise, "manager"), "value"), "manager.value") ?? text(get(enterprise, "manager"), "manager"),
    preferredLanguage: text(get(resource, "preferredLanguage"), "preferredLanguage"),
    address: formatAddress(pick(list(resource, "addresses"), "work") ?? pick(list(resource, "addresses"))),
    status: activeOf(resource) ? ("active" as const) : ("disabled" as const),
  };
}

/** The columns SCIM fills beyond the fields a sync writes: its webhook events say when they change too. */
export const scimOnlyFields = [
  "externalId",
  "employeeNumber",
  "costCenter",
  "manager",
  "preferredLanguage",
  "address",
] as const satisfies readonly (keyof ReturnType<typeof userColumns>)[];

/**
 * What is kept of a resource a client sent: everything but the server's own
 * id and meta, and the password (RFC 7643: write-only, never returned; the
 * portal signs people in with Microsoft, so it has no use for one), `active`
 * as a boolean.
 */
export function storedResource(body: Json): Json {
  const rest = Object.fromEntries(Object.entries(body).filter(([k]) => !["id", "meta", "password"].includes(k.toLowerCase())));
  const activeKey = keyOf(rest, "active");
  if (activeKey) rest[activeKey] = activeOf(rest);
  return rest;
}
