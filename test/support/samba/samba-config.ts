import { inject } from "vitest";
import { defaultUserFilter, type LdapConnectionConfig } from "@/lib/ldap/ldap-connection-config";

/**
 * A connection to the test domain controller over LDAPS, trusting its CA,
 * bound as Administrator; pass `baseDn` (a test's own OU) and anything else
 * the test is about.
 */
export function sambaConfig(overrides: Partial<LdapConnectionConfig> = {}): LdapConnectionConfig {
  const samba = inject("samba");
  return {
    url: samba.ldapsUrl,
    startTls: false,
    caCertificate: samba.caPem,
    bindName: samba.adminBindName,
    bindPassword: samba.adminPassword,
    baseDn: samba.baseDn,
    userFilter: defaultUserFilter,
    usernameAttribute: "sAMAccountName",
    ...overrides,
  };
}
