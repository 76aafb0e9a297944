import { escapeFilterValue } from "./escape-filter-value";
import type { LdapConnectionConfig } from "./ldap-connection-config";
import { LdapProblemError } from "./ldap-problem";
import { closeQuietly } from "./open-ldap-client";
import { openProxyClient } from "./open-proxy-client";

export type DirectoryGroup = { dn: string; name: string };

/** AD's cn is at most 64 characters; longer text can match no group. */
const MAX_SEARCH_TEXT = 256;

/**
 * Groups under the base DN whose cn or name contains the text (all of them
 * for blank text), at most `limit` (the first the server finds), by name: the group picker of
 * provisioning's scope. The text is escaped into the filter, so `*`, `(`, `)`
 * and `\` are matched literally and can never widen or break the search.
 */
export async function searchDirectoryGroups(config: LdapConnectionConfig, text: string, limit = 20): Promise<DirectoryGroup[]> {
  const needle = text.trim();
  if (needle.length > MAX_SEARCH_TEXT) {
    throw new LdapProblemError({ code: "search_text_too_long", message: `Search for at most ${MAX_SEARCH_TEXT} characters.`, retryable: false });
  }
  const value = escapeFilterValue(needle);
  const filter = needle ? `(&(objectClass=group)(|(cn=*${value}*)(name=*${value}*)))` : "(objectClass=group)";
  const client = await openProxyClient(config);
  try {
    // The server stops at the limit (ldapts answers with what came, not an error): the first `limit` it finds, then sorted.
    const { searchEntries } = await client.search(config.baseDn, { scope: "sub", filter, attributes: ["cn", "name"], sizeLimit: Math.max(1, limit) });
    return searchEntries
      .map((entry) => ({ dn: entry.dn, name: firstText(entry.name) ?? firstText(entry.cn) ?? entry.dn }))
      .sort((a, b) => a.name.localeCompare(b.name))
      .slice(0, limit);
  } finally {
    await closeQuietly(client);
  }
}

function firstText(value: unknown): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return null;
  return Buffer.isBuffer(first) ? first.toString("utf8") : String(first);
}
