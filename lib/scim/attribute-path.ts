import { isForbiddenKey } from "@/lib/http/parse-untrusted-json";
import { invalidPath } from "./scim-error";
import { schemaUris } from "./scim-json";

type Json = Record<string, unknown>;

/**
 * SCIM attribute names are case-insensitive, and an attribute of the
 * enterprise extension may be named with its schema URN in front
 * ("urn:…:enterprise:2.0:User:department") or, in the resource, sit inside
 * an object under that URN. These helpers find attributes either way.
 */
export function keyOf(object: Json, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(object).find((k) => k.toLowerCase() === lower);
}

// RFC 7643 §2.1: ATTRNAME = ALPHA *(nameChar); "$ref" is the one name with a "$".
const attributeName = /^(\$ref|[A-Za-z][\w-]*)$/;

/**
 * An attribute name from a request, as a key we may read or write: SCIM's
 * grammar (so `emails[type eq "work"` with its bracket unclosed is refused,
 * not stored as a key) and never a key of an object's prototype chain.
 */
export function checkedName(name: string): string {
  if (!attributeName.test(name) || isForbiddenKey(name)) throw invalidPath(`"${name.slice(0, 100)}" is not an attribute name.`);
  return name;
}

// RFC 7644 §3.10: attrPath = [URI ":"] ATTRNAME *1subAttr — an attribute and at most one sub-attribute.
const maxNames = 2;

function checkedNames(path: string): string[] {
  const names = path.split(".");
  if (names.length > maxNames) throw invalidPath(`"${path.slice(0, 100)}" names more than an attribute and a sub-attribute.`);
  return names.map(checkedName);
}

/** Splits "urn:…:User:manager.value" into the extension URN and ["manager", "value"], every name checked. */
export function splitPath(path: string): { urn: string | null; names: string[] } {
  for (const urn of [schemaUris.enterpriseUser, schemaUris.user, schemaUris.group]) {
    if (path.toLowerCase() === urn.toLowerCase()) return { urn, names: [] };
    if (path.toLowerCase().startsWith(`${urn.toLowerCase()}:`)) {
      const rest = path.slice(urn.length + 1);
      return { urn: urn === schemaUris.enterpriseUser ? urn : null, names: checkedNames(rest) };
    }
  }
  return { urn: null, names: checkedNames(path) };
}

/** The object that holds the path's first name: the resource itself, or its extension object. */
export function containerFor(resource: Json, urn: string | null, create: boolean): Json | undefined {
  if (!urn) return resource;
  const key = keyOf(resource, urn) ?? urn;
  if (resource[key] === undefined && create) resource[key] = {};
  return resource[key] as Json | undefined;
}

/** Every value at a path (multi-valued attributes flattened), for filters. */
export function valuesAt(resource: Json, path: string): unknown[] {
  const { urn, names } = splitPath(path);
  let current: unknown[] = [containerFor(resource, urn, false)];
  // "department" may also live in the enterprise extension without its URN.
  if (!urn && names.length === 1) {
    const extension = containerFor(resource, schemaUris.enterpriseUser, false);
    if (extension && !keyOf(resource, names[0]!) && keyOf(extension, names[0]!)) current = [extension];
  }
  for (const name of names) {
    const next: unknown[] = [];
    for (const value of current) {
      if (!value || typeof value !== "object") continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) {
        if (!item || typeof item !== "object") continue;
        const key = keyOf(item as Json, name);
        if (key !== undefined) next.push((item as Json)[key]);
      }
    }
    current = next.flatMap((v) => (Array.isArray(v) ? v : [v]));
  }
  return current.filter((v) => v !== undefined && v !== null);
}
