import "server-only";
import type { SyncRun } from "@/db/schema";
import type { DirectoryUser } from "@/lib/ldap/directory-user";
import { searchUserPages } from "@/lib/ldap/search-user-pages";
import type { RoundSource } from "@/lib/sync/connector";
import type { SourceEntry } from "@/lib/sync/synced-fields";
import { fromDirectoryUser } from "./from-directory-user";
import { loadLdapConnection } from "./settings/load-ldap-connection";

/**
 * One attempt at an Active Directory import: a paged search (1,000 a page),
 * always a full round (LDAP has no delta), so nothing is kept between runs.
 * Portal users for its people are provisioning's (lib/provisioning), after the run.
 */
export async function openDirectoryRound(run: SyncRun): Promise<RoundSource> {
  const { settings, config } = await loadLdapConnection({ customerId: run.customerId });
  return {
    round: "full",
    tenantId: null,
    skipDisabled: settings.skipDisabled,
    removalThresholdPercent: settings.removalThresholdPercent,
    read: () => ({ entries: entriesOf(searchUserPages(config)), position: () => null }),
    positionExpired: () => false,
  };
}

async function* entriesOf(pages: AsyncIterable<DirectoryUser[]>): AsyncGenerator<SourceEntry[]> {
  for await (const page of pages) yield page.map(fromDirectoryUser);
}
