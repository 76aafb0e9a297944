import "server-only";
import type { SyncRun } from "@/db/schema";
import { loadLdapConnection } from "@/lib/ldap-settings/load-ldap-connection";
import type { DirectoryUser } from "@/lib/ldap/directory-user";
import { searchUserPages } from "@/lib/ldap/search-user-pages";
import { finishRun } from "@/lib/sync/finish-run";
import type { SourceEntry } from "@/lib/sync/synced-fields";
import { walkPages } from "@/lib/sync/walk-pages";
import { createPortalUsers } from "./create-portal-users";
import { fromDirectoryUser } from "./from-directory-user";

/**
 * One attempt at an Active Directory import: a paged search (1,000 a page)
 * through the same walk as Entra's sync, always a full round (LDAP has no
 * delta), then removals under the same threshold. Portal users are created
 * for new entries when the company asked for it.
 */
export async function runLdapImportAttempt(run: SyncRun): Promise<"succeeded" | "needs_confirmation"> {
  const { settings, config } = await loadLdapConnection(run.customerId);
  const simulate = run.trigger === "simulate";
  const walked = await walkPages(
    { runId: run.id, customerId: run.customerId, connector: "ldap", tenantId: null, simulate, round: "full", options: { skipDisabled: settings.skipDisabled } },
    entriesOf(searchUserPages(config)),
  );
  // Before the run is final, so a run that says "succeeded" has its logins too; only for entries this round saw.
  if (!simulate && settings.createPortalUsers) await createPortalUsers(run.customerId, settings, walked.seen);
  return finishRun({ runId: run.id, customerId: run.customerId, connector: "ldap", round: "full", ...walked, simulate, deltaLink: null, removalThresholdPercent: settings.removalThresholdPercent });
}

async function* entriesOf(pages: AsyncIterable<DirectoryUser[]>): AsyncGenerator<SourceEntry[]> {
  for await (const page of pages) yield page.map(fromDirectoryUser);
}
