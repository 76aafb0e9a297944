/**
 * The LDAP phonebook's names for a company: phones bind as `cn=phones` under
 * the company and search its people. The slug (unique, never reused) names the
 * company, as it does in every portal ID.
 */
export function ldapNames(customerSlug: string): { baseDn: string; bindDn: string } {
  return { baseDn: `ou=people,o=${customerSlug},dc=switchboard`, bindDn: `cn=phones,o=${customerSlug},dc=switchboard` };
}

// A slug is lower-case letters, digits and dashes (lib/validation), so it needs no DN escaping.
const bindDnShape = /^\s*cn\s*=\s*phones\s*,\s*o\s*=\s*([a-z0-9-]{1,64})\s*,\s*dc\s*=\s*switchboard\s*$/i;

/** The company slug a bind DN names, or null when the DN is not a phonebook bind DN. */
export function slugOfBindDn(dn: string): string | null {
  return bindDnShape.exec(dn)?.[1]?.toLowerCase() ?? null;
}
