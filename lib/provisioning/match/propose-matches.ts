import "server-only";
import { and, sql, type SQL } from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { db } from "@/db/client";
import { accounts, directoryEntries, type DirectorySource } from "@/db/schema";
import { provenTenantOf } from "@/lib/connectors/entra/settings/proven-tenant";
import { unheldPerson, unlinkedLogin } from "./match-rules";

export type MatchStrength = "strong" | "weak";

export type MatchProposal = {
  accountId: string;
  portalId: string;
  accountName: string;
  accountEmail: string | null;
  entryId: string;
  entryName: string;
  entryEmail: string | null;
  entryUpn: string | null;
  source: DirectorySource;
  /** Strong: the same e-mail, or the login's e-mail is the person's UPN. Weak: the same name only. */
  strength: MatchStrength;
  /** Strong, and the only strong match of both the login and the person: offered ticked. */
  preselected: boolean;
};

/** More would not be reviewed one by one; the view says when there are more. */
export const proposalLimit = 500;

/**
 * Proposes links between the company's unlinked logins and its synced people
 * no login holds (match-rules.ts). Each rule is an equality join of its own,
 * so PostgreSQL can hash it, whatever the size of the directory.
 */
export async function proposeMatches({ customerId }: { customerId: string }): Promise<{ proposals: MatchProposal[]; more: boolean }> {
  const provenTenant = await provenTenantOf({ customerId });
  const pairs = (strength: MatchStrength, on: SQL) =>
    db()
      .select({
        accountId: accounts.id,
        portalId: accounts.portalId,
        accountName: accounts.name,
        accountEmail: accounts.email,
        entryId: directoryEntries.id,
        entryName: directoryEntries.displayName,
        entryEmail: directoryEntries.email,
        entryUpn: directoryEntries.userPrincipalName,
        source: directoryEntries.source,
        strength: sql<MatchStrength>`${strength}::text`.as("strength"),
      })
      .from(accounts)
      .innerJoin(directoryEntries, and(sql`${directoryEntries.customerId} = ${accounts.customerId}`, on))
      .where(and(unlinkedLogin(customerId), unheldPerson(db(), customerId, provenTenant)));
  const rows = await unionAll(
    pairs("strong", sql`lower(${directoryEntries.email}) = lower(${accounts.email})`),
    pairs("strong", sql`lower(${directoryEntries.userPrincipalName}) = lower(${accounts.email})`),
    pairs("weak", sql`lower(btrim(${directoryEntries.displayName})) = lower(btrim(${accounts.name}))`),
  )
    // Room for the duplicates folded below (a pair found by e-mail and by name).
    .limit(proposalLimit * 3 + 1);

  const byPair = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const key = `${row.accountId}:${row.entryId}`;
    const seen = byPair.get(key);
    if (!seen || (seen.strength === "weak" && row.strength === "strong")) byPair.set(key, row);
  }
  const found = [...byPair.values()];
  const strongCount = (key: "accountId" | "entryId", id: string) => found.filter((p) => p.strength === "strong" && p[key] === id).length;
  const proposals = found
    .map((p) => ({ ...p, preselected: p.strength === "strong" && strongCount("accountId", p.accountId) === 1 && strongCount("entryId", p.entryId) === 1 }))
    .sort((a, b) =>
      a.strength === b.strength ? a.accountName.localeCompare(b.accountName) || a.entryName.localeCompare(b.entryName) : a.strength === "strong" ? -1 : 1,
    );
  return { proposals: proposals.slice(0, proposalLimit), more: proposals.length > proposalLimit || rows.length > proposalLimit * 3 };
}
