import { DIRECTORY_BUFFER_ATTRIBUTES, DIRECTORY_USER_ATTRIBUTES, toDirectoryUser } from "./directory-user";
import { explainLdapError } from "./explain-ldap-error";
import { LDAP_PAGE_SIZE, type LdapConnectionConfig } from "./ldap-connection-config";
import type { LdapProblem } from "./ldap-problem";
import { closeQuietly } from "./open-ldap-client";
import { openProxyClient } from "./open-proxy-client";
import { parseUserFilter } from "./user-filter";

export type LdapConnectionCheck =
  | {
      ok: true;
      /** Users in the first page: LDAP_PAGE_SIZE means "at least that many". */
      usersInFirstPage: number;
      /** The first user's account name, so the administrator sees the filter finds people. */
      sampleUser: string | null;
    }
  | { ok: false; problem: LdapProblem };

/**
 * The settings screen's "Test connection": every step a sync takes, up to
 * the first page of users. Connect (TLS checked), bind as the service account,
 * look the base DN up on its own (so a wrong base DN says so instead of
 * "0 users"), then read one page of users with the filter.
 */
export async function testLdapConnection(config: LdapConnectionConfig): Promise<LdapConnectionCheck> {
  try {
    const filter = parseUserFilter(config.userFilter);
    const client = await openProxyClient(config);
    try {
      await client.search(config.baseDn, { scope: "base", attributes: ["1.1"] });
      const pages = client.searchPaginated(config.baseDn, {
        scope: "sub",
        filter,
        attributes: DIRECTORY_USER_ATTRIBUTES,
        explicitBufferAttributes: DIRECTORY_BUFFER_ATTRIBUTES,
        paged: { pageSize: LDAP_PAGE_SIZE },
      });
      const first = (await pages.next()).value;
      const users = (first?.searchEntries ?? []).map(toDirectoryUser);
      const sample = users[0];
      return { ok: true, usersInFirstPage: users.length, sampleUser: sample ? (sample.sAMAccountName ?? sample.userPrincipalName ?? sample.dn) : null };
    } finally {
      await closeQuietly(client);
    }
  } catch (error) {
    return { ok: false, problem: explainLdapError(error) };
  }
}
