import "server-only";
import type { SyncRun } from "@/db/schema";
import { getDefaultCountry } from "@/lib/customers/get-default-country";
import type { CountryCode } from "@/lib/phone/normalise-phone";
import type { DirectoryUser } from "@/lib/ldap/directory-user";
import { searchUserPages } from "@/lib/ldap/search-user-pages";
import type { RoundSource } from "@/lib/sync/connector";
import { mapAndEmpty } from "@/lib/sync/map-and-empty";
import type { SourceEntry } from "@/lib/sync/synced-fields";
import { fromDirectoryUser } from "./from-directory-user";
import { loadLdapConnection } from "./settings/load-ldap-connection";

/**
 * One attempt at an Active Directory import: a paged search (1,000 a page),
 * always a full round (LDAP has no delta), so nothing is kept between runs.
 */
export async function openDirectoryRound(run: SyncRun): Promise<RoundSource> {
  const [{ settings, config }, country] = await Promise.all([
    loadLdapConnection({ customerId: run.customerId }),
    // Read once a round: every page's numbers are normalised with it in the worker.
    getDefaultCountry({ customerId: run.customerId }),
  ]);
  return {
    round: "full",
    tenantId: null,
    skipDisabled: settings.skipDisabled,
    removalThresholdPercent: settings.removalThresholdPercent,
    read: () => ({ entries: entriesOf(searchUserPages(config), country), position: () => null }),
    positionExpired: () => false,
  };
}

async function* entriesOf(pages: AsyncIterable<DirectoryUser[]>, country: CountryCode | null): AsyncGenerator<SourceEntry[]> {
  for await (const page of pages) yield mapAndEmpty(page, (user) => fromDirectoryUser(user, country));
}
