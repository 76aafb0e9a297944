import { DIRECTORY_BUFFER_ATTRIBUTES, DIRECTORY_USER_ATTRIBUTES, toDirectoryUser, type DirectoryUser } from "./directory-user";
import { LDAP_PAGE_SIZE, type LdapConnectionConfig } from "./ldap-connection-config";
import { closeQuietly } from "./open-ldap-client";
import { openProxyClient } from "./open-proxy-client";
import { parseUserFilter } from "./user-filter";

/**
 * Every user under the base DN, one page (RFC 2696 paged results) at a time:
 * the next page is asked for only when the caller wants it, so a directory of
 * any size never sits in memory at once. Stopping early (break) closes the
 * connection. Errors are thrown as they come; explainLdapError words them.
 */
export async function* searchUserPages(config: LdapConnectionConfig): AsyncGenerator<DirectoryUser[]> {
  const filter = parseUserFilter(config.userFilter);
  const client = await openProxyClient(config);
  try {
    const pages = client.searchPaginated(config.baseDn, {
      scope: "sub",
      filter,
      attributes: DIRECTORY_USER_ATTRIBUTES,
      explicitBufferAttributes: DIRECTORY_BUFFER_ATTRIBUTES,
      paged: { pageSize: LDAP_PAGE_SIZE },
    });
    for await (const page of pages) {
      yield page.searchEntries.map(toDirectoryUser);
    }
  } finally {
    await closeQuietly(client);
  }
}
