import "server-only";
import { directoryEntries } from "@/db/schema";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import { groupMemberGuids } from "@/lib/ldap/search-group-members";
import type { Connector } from "@/lib/sync/connector";
import { openDirectoryRound } from "./open-directory-round";
import { activeDirectoryScreen } from "./screen";
import { getLdapSettings } from "./settings/get-ldap-settings";
import { loadLdapConnection } from "./settings/load-ldap-connection";

/** Active Directory over LDAPS: a paged search of the whole directory every run, keyed by objectGUID. */
export const activeDirectoryConnector: Connector = {
  id: "active-directory",
  label: activeDirectoryScreen.label,
  source: "active-directory",
  keyColumn: directoryEntries.ldapObjectGuid,
  hasSettings: async ({ customerId }) => (await getLdapSettings({ customerId })) !== null,
  openRound: openDirectoryRound,
  // Provisioning's group scope: members of the chosen groups (DNs), nested groups included.
  provisioningScope: async (run, groups) => {
    const { config } = await loadLdapConnection({ customerId: run.customerId });
    return groupMemberGuids(
      config,
      groups.map((g) => g.id),
    );
  },
  schedule: ({ customerId }) => getLdapSettings({ customerId }),
  explainError: async ({ error }) => explainLdapError(error),
  // Always a full round: nothing is kept between runs.
  savePosition: async () => undefined,
};
