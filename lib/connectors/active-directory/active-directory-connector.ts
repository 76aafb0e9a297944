import "server-only";
import { directoryEntries } from "@/db/schema";
import { explainLdapError } from "@/lib/ldap/explain-ldap-error";
import type { Connector } from "@/lib/sync/connector";
import { openDirectoryRound } from "./open-directory-round";
import { activeDirectoryScreen } from "./screen";
import { getLdapSettings } from "./settings/get-ldap-settings";

/** Active Directory over LDAPS: a paged search of the whole directory every run, keyed by objectGUID. */
export const activeDirectoryConnector: Connector = {
  id: "active-directory",
  label: activeDirectoryScreen.label,
  source: "active-directory",
  keyColumn: directoryEntries.ldapObjectGuid,
  hasSettings: async ({ customerId }) => (await getLdapSettings({ customerId })) !== null,
  openRound: openDirectoryRound,
  schedule: ({ customerId }) => getLdapSettings({ customerId }),
  explainError: async ({ error }) => explainLdapError(error),
  // Always a full round: nothing is kept between runs.
  savePosition: async () => undefined,
};
