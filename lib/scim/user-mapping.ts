import { keyOf } from "./attribute-path";
import { invalidValue } from "./scim-error";
import { schemaUris } from "./scim-json";

type Json = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v.trim() : null);
const get = (o: unknown, name: string): unknown => (o && typeof o === "object" && !Array.isArray(o) ? (o as Json)[keyOf(o as Json, name) ?? name] : undefined);
const list = (o: unknown, name: string): Json[] => {
  const v = get(o, name);
  return Array.isArray(v) ? (v.filter((i) => i && typeof i === "object") as Json[]) : [];
};
/** The item of a multi-valued attribute of that type, else the primary one, else the first. */
const pick = (items: Json[], type?: string) =>
  (type ? items.find((i) => String(get(i, "type") ?? "").toLowerCase() === type) : undefined) ??
  (type ? undefined : (items.find((i) => get(i, "primary") === true) ?? items[0]));

function activeOf(resource: Json): boolean {
  const active = get(resource, "active");
  if (active === undefined || active === null) return true;
  if (typeof active === "boolean") return active;
  if (typeof active === "string" && ["true", "false"].includes(active.toLowerCase())) return active.toLowerCase() === "true";
  throw invalidValue("active must be true or false.");
}

function formatAddress(address: Json | undefined): string | null {
  if (!address) return null;
  return text(get(address, "formatted")) ?? (["streetAddress", "locality", "region", "postalCode", "country"].map((n) => text(get(address, n))).filter(Boolean).join(", ") || null);
}

/** A SCIM User as the directory columns it fills (the Federated Directory attribute list). */
export function userColumns(resource: Json) {
  const userName = text(get(resource, "userName"));
  if (!userName) throw invalidValue("userName is required.");
  const name = get(resource, "name");
  const enterprise = get(resource, schemaUris.enterpriseUser);
  const emails = list(resource, "emails");
  const phones = list(resource, "phoneNumbers");
  const firstName = text(get(name, "givenName"));
  const lastName = text(get(name, "familyName"));
  return {
    userPrincipalName: userName,
    externalId: text(get(resource, "externalId")),
    firstName,
    lastName,
    displayName: text(get(resource, "displayName")) ?? text(get(name, "formatted")) ?? ([firstName, lastName].filter(Boolean).join(" ") || userName),
    email: text(get(pick(emails, "work") ?? pick(emails), "value")),
    officePhone: text(get(pick(phones, "work"), "value")),
    mobilePhone: text(get(pick(phones, "mobile"), "value")),
    jobTitle: text(get(resource, "title")),
    department: text(get(enterprise, "department")),
    employeeNumber: text(get(enterprise, "employeeNumber")),
    costCenter: text(get(enterprise, "costCenter")),
    manager: text(get(get(enterprise, "manager"), "value")) ?? text(get(enterprise, "manager")),
    preferredLanguage: text(get(resource, "preferredLanguage")),
    address: formatAddress(pick(list(resource, "addresses"), "work") ?? pick(list(resource, "addresses"))),
    status: activeOf(resource) ? ("active" as const) : ("disabled" as const),
  };
}

/** What is kept of a resource a client sent: everything but the server's own id and meta. */
export function storedResource(body: Json): Json {
  const { id: _id, meta: _meta, ...rest } = Object.fromEntries(Object.entries(body).map(([k, v]) => [["id", "meta"].includes(k.toLowerCase()) ? k.toLowerCase() : k, v]));
  const active = get(rest, "active");
  if (typeof active === "string") rest[keyOf(rest, "active")!] = active.toLowerCase() === "true";
  return rest;
}
