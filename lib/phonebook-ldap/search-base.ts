import type { SearchScope } from "./protocol/ldap-request";
import { lowercaseUuidPattern } from "@/lib/validation/uuid-pattern";
import type { EntryAttribute } from "./protocol/write-response";

/**
 * Where a search starts, in the bound company's tree:
 *
 *   dc=switchboard
 *     o=<slug>
 *       ou=people            (the base DN phones are given)
 *         uid=<entry id>     (one person)
 *
 * Another company's names, and anything else, are not in this company's
 * tree: noSuchObject, exactly as a name that exists nowhere.
 */
export type SearchBase = { kind: "container"; dn: string; attributes: EntryAttribute[]; peopleDepth: number } | { kind: "person"; id: string };

export function resolveSearchBase(baseDn: string, slug: string): SearchBase | null {
  const rdns = parseDn(baseDn);
  if (!rdns) return null;
  const expected = [
    ["ou", "people"],
    ["o", slug],
    ["dc", "switchboard"],
  ];
  const depth = rdns.length;
  if (depth === 0 || depth > 4) return null;
  // Up to ou=people, the base's RDNs must be the tail of that path; one more is a person.
  const container = depth === 4 ? rdns.slice(1) : rdns;
  const tail = expected.slice(expected.length - container.length);
  if (container.some(([attribute, value], i) => attribute !== tail[i]![0] || value !== tail[i]![1])) return null;
  if (depth === 4) {
    const [attribute, value] = rdns[0]!;
    return attribute === "uid" && lowercaseUuidPattern.test(value) ? { kind: "person", id: value } : null;
  }
  return { kind: "container", dn: canonical(rdns), attributes: containerAttributes(rdns[0]!), peopleDepth: 4 - depth };
}

/** Whether a search of this scope from a container reaches the people `peopleDepth` levels below it. */
export function reachesPeople(scope: SearchScope, peopleDepth: number): boolean {
  return scope === "sub" || scope === "children" || (scope === "one" && peopleDepth === 1);
}

/** `attr=value` pairs, lowercased and trimmed; null for anything our names never hold (escapes, quotes, multi-valued RDNs). */
function parseDn(dn: string): [string, string][] | null {
  if (dn.trim() === "") return [];
  if (/[\\"+;<>#\u0000]/.test(dn)) return null;
  const rdns: [string, string][] = [];
  for (const part of dn.split(",")) {
    const match = /^\s*([A-Za-z][\w-]*)\s*=\s*([^=]*?)\s*$/.exec(part);
    if (!match) return null;
    rdns.push([match[1]!.toLowerCase(), match[2]!.toLowerCase()]);
  }
  return rdns;
}

function canonical(rdns: [string, string][]): string {
  return rdns.map(([attribute, value]) => `${attribute}=${value}`).join(",");
}

function containerAttributes([attribute, value]: [string, string]): EntryAttribute[] {
  const objectClass = { dc: "domain", o: "organization", ou: "organizationalUnit" }[attribute] ?? "top";
  return [
    ["objectClass", ["top", objectClass]],
    [attribute, [value]],
  ];
}
