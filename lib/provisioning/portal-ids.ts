import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { customerPortalId } from "@/lib/accounts/portal-id";
import type { Person } from "./people";

/**
 * The portal ID's local part for a person: the UPN's (Entra, SCIM) or the
 * sAMAccountName (AD), lower case, with only the characters portal IDs allow.
 */
export function localPartOf(person: Pick<Person, "userPrincipalName" | "accountName" | "key">): string {
  const base = person.accountName ?? person.userPrincipalName?.split("@")[0] ?? person.key;
  const cleaned = base
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, "-")
    .replace(/^[^a-z0-9]+/, "");
  return (cleaned || "user").slice(0, 56);
}

/**
 * A free portal ID for each local part: `kim@acme`, and on a clash `kim-2@acme`,
 * `kim-3@acme`… — the lowest free suffix, so the same directory gives the same
 * IDs. One query per round, for a whole batch: the plain IDs first (most are
 * free), then ten suffixes at a time for those that clashed. `claimed` holds
 * IDs chosen but not yet written (an earlier batch's); the chosen ones join
 * it. The insert's unique key still decides should a manager take one in
 * between.
 */
export async function freePortalIds(localParts: readonly string[], slug: string, claimed = new Set<string>()): Promise<string[]> {
  const chosen: (string | null)[] = localParts.map(() => null);
  for (let first = 1, count = 1; chosen.includes(null); first += count, count = 10) {
    const suffixes = Array.from({ length: count }, (_, i) => first + i);
    const candidatesOf = (part: string) => suffixes.map((n) => customerPortalId(n === 1 ? part : `${part}-${n}`, slug));
    const candidates = localParts.map((part, i) => (chosen[i] ? [] : candidatesOf(part)));
    const taken = new Set(
      (
        await db()
          .select({ portalId: accounts.portalId })
          .from(accounts)
          // One array parameter (not one per candidate), looked up in the portal ID's unique index.
          .where(sql`${accounts.portalId} = any(${textArray([...new Set(candidates.flat())])})`)
      ).map((r) => r.portalId),
    );
    candidates.forEach((ids, i) => {
      const free = ids.find((id) => !taken.has(id) && !claimed.has(id));
      if (free) {
        chosen[i] = free;
        claimed.add(free);
      }
    });
  }
  return chosen as string[];
}

/** Strings as one `text[]` parameter, each element quoted as PostgreSQL's array syntax wants. */
function textArray(values: readonly string[]) {
  return sql`${`{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(",")}}`}::text[]`;
}
