/**
 * How to reach one Active Directory (or Entra Domain Services) domain. The
 * proxy account (bindName) only reads users; people's own passwords are only
 * ever checked by binding as them (see authenticate-directory-user.ts).
 */
export type LdapConnectionConfig = {
  /** ldaps://host:636, or ldap://host:389 together with startTls. */
  url: string;
  startTls: boolean;
  /** PEM of the CA that issued the server's certificate; null trusts Node's default roots. */
  caCertificate: string | null;
  /** The proxy account: a UPN (svc@contoso.com), DOMAIN\user or a full DN. */
  bindName: string;
  bindPassword: string;
  baseDn: string;
  userFilter: string;
  usernameAttribute: "sAMAccountName" | "userPrincipalName";
};

/**
 * People only: computers are users in AD's schema too, and the built-in
 * accounts (Administrator, Guest, krbtgt, dns-…) are all marked
 * isCriticalSystemObject, which no ordinary account is.
 */
export const defaultUserFilter = "(&(objectCategory=person)(objectClass=user)(!(objectClass=computer))(!(isCriticalSystemObject=TRUE)))";

/** AD's default MaxPageSize: larger pages are cut to this by the server anyway. */
export const LDAP_PAGE_SIZE = 1_000;

/** Waits for a TCP/TLS connection, and for each request's answer (one page counts as one request). */
export const LDAP_CONNECT_TIMEOUT_MS = 10_000;
export const LDAP_OPERATION_TIMEOUT_MS = 10_000;
