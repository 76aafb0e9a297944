import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, directoryEntries } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { provenTenantOf } from "@/lib/connectors/entra/settings/proven-tenant";
import { violatedConstraint } from "@/lib/db-errors";
import { AppError } from "@/lib/errors";
import { ofCustomer } from "@/lib/tenancy";
import { unheldPerson, unlinkedLogin } from "./match-rules";

export type MatchPair = { accountId: string; entryId: string };

const takenMeanwhile = (what: string) =>
  new AppError("conflict", `${what} Nothing was applied: reload the list, which shows only who is still free, and apply again.`);

/**
 * Links each chosen login to its synced person, all in one transaction or
 * none: the login gets the entry (directoryEntryId, so provisioning keeps it
 * up to date) and its sign-in link — the Entra account in the company's
 * proven tenant, or the AD entry's objectGUID. A pair whose login or person
 * was taken since the list was shown (by another manager, or a run) is
 * refused by name; the accounts' unique keys settle two applies at once.
 * IDs of another company are "not found", as if they did not exist.
 */
export async function applyMatches(actor: CustomerActor, pairs: MatchPair[]): Promise<{ applied: number }> {
  if (pairs.length === 0) throw new AppError("invalid_input", "Choose at least one match to apply.");
  const accountIds = pairs.map((p) => p.accountId);
  const entryIds = pairs.map((p) => p.entryId);
  if (new Set(accountIds).size !== pairs.length || new Set(entryIds).size !== pairs.length) {
    throw new AppError("invalid_input", "A login or a person is chosen twice: choose one match for each.");
  }
  const provenTenant = await provenTenantOf({ customerId: actor.customerId });
  try {
    return await db().transaction(async (tx) => {
      // Locked: a second apply of the same logins waits here, then finds them linked.
      const logins = await tx
        .select({ id: accounts.id, portalId: accounts.portalId, free: sql<boolean>`(${unlinkedLogin(actor.customerId)})` })
        .from(accounts)
        .where(and(ofCustomer(accounts, actor.customerId), eq(accounts.role, "user"), inArray(accounts.id, accountIds)))
        .for("update");
      const people = await tx
        .select({
          id: directoryEntries.id,
          displayName: directoryEntries.displayName,
          source: directoryEntries.source,
          aadTenantId: directoryEntries.aadTenantId,
          aadObjectId: directoryEntries.aadObjectId,
          ldapObjectGuid: directoryEntries.ldapObjectGuid,
          free: sql<boolean>`(${unheldPerson(tx, actor.customerId, provenTenant)})`,
        })
        .from(directoryEntries)
        .where(and(ofCustomer(directoryEntries, actor.customerId), inArray(directoryEntries.id, entryIds)));
      if (logins.length !== new Set(accountIds).size) throw new AppError("not_found", "A chosen login was not found.");
      if (people.length !== new Set(entryIds).size) throw new AppError("not_found", "A chosen person was not found in the directory.");

      for (const pair of pairs) {
        const login = logins.find((l) => l.id === pair.accountId)!;
        const person = people.find((p) => p.id === pair.entryId)!;
        if (!login.free) throw takenMeanwhile(`The login ${login.portalId} is already linked.`);
        if (!person.free) throw takenMeanwhile(`${person.displayName} is already held by a login, or no longer in the directory.`);
        const link =
          person.source === "active-directory"
            ? { ldapObjectGuid: person.ldapObjectGuid }
            : // Entra and SCIM people: the Entra account, in the proven tenant only (unheldPerson requires it of Entra people).
              person.aadObjectId && person.aadTenantId === provenTenant
              ? { aadTenantId: person.aadTenantId, aadObjectId: person.aadObjectId }
              : {};
        const updated = await tx
          .update(accounts)
          .set({ directoryEntryId: person.id, ...link, updatedAt: new Date() })
          .where(and(eq(accounts.id, login.id), unlinkedLogin(actor.customerId)))
          .returning({ id: accounts.id });
        if (updated.length === 0) throw takenMeanwhile(`The login ${login.portalId} is already linked.`);
        await recordAudit(tx, actor, {
          action: "matches.apply",
          targetType: "account",
          targetId: login.id,
          detail: { portalId: login.portalId, entryId: person.id, source: person.source, signInLink: Object.keys(link).length > 0 },
        });
      }
      return { applied: pairs.length };
    });
  } catch (error) {
    // Two applies at once, each reading the person as free: the database lets one have it.
    const constraint = violatedConstraint(error);
    if (constraint === "accounts_directory_entry_unique" || constraint === "accounts_ldap_link_unique" || constraint === "accounts_entra_link_unique") {
      throw takenMeanwhile("A chosen person was linked to another login at the same moment.");
    }
    throw error;
  }
}
