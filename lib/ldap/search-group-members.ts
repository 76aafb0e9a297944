import { escapeFilterValue } from "./escape-filter-value";
import { LDAP_PAGE_SIZE, type LdapConnectionConfig } from "./ldap-connection-config";
import { objectGuidToString } from "./object-guid";
import { closeQuietly } from "./open-ldap-client";
import { openProxyClient } from "./open-proxy-client";

/**
 * LDAP_MATCHING_RULE_IN_CHAIN: `memberOf` followed through nested groups by
 * the domain controller itself, so a user in group B inside group A matches A.
 */
const IN_CHAIN = "1.2.840.113556.1.4.1941";

/**
 * The objectGUIDs (lower case, as the sync keys entries) of the users under
 * the base DN that are members of any of the groups, nested membership
 * included: provisioning's scope. One paged search for all the groups; a DN
 * the directory does not know matches no one. The DNs are escaped into the
 * filter, so a DN's own parentheses or asterisks stay part of it.
 */
export async function groupMemberGuids(config: LdapConnectionConfig, groupDns: readonly string[]): Promise<Set<string>> {
  const guids = new Set<string>();
  const dns = [...new Set(groupDns.map((dn) => dn.trim()).filter(Boolean))];
  if (dns.length === 0) return guids;
  const anyGroup = dns.map((dn) => `(memberOf:${IN_CHAIN}:=${escapeFilterValue(dn)})`).join("");
  const filter = `(&(objectCategory=person)(objectClass=user)(|${anyGroup}))`;
  const client = await openProxyClient(config);
  try {
    const pages = client.searchPaginated(config.baseDn, {
      scope: "sub",
      filter,
      attributes: ["objectGUID"],
      explicitBufferAttributes: ["objectGUID"],
      paged: { pageSize: LDAP_PAGE_SIZE },
    });
    for await (const page of pages) {
      for (const entry of page.searchEntries) {
        const guid = Array.isArray(entry.objectGUID) ? entry.objectGUID[0] : entry.objectGUID;
        if (Buffer.isBuffer(guid)) guids.add(objectGuidToString(guid));
      }
    }
    return guids;
  } finally {
    await closeQuietly(client);
  }
}
