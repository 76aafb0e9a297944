import "server-only";
import { env } from "@/lib/env";
import { ldapNames } from "./ldap-names";

/** The portal's address as phones and PBXs reach it (NEXTAUTH_URL), without a trailing slash. */
export function portalUrl(): string {
  return (env().NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/$/, "");
}

/** What a phone's LDAP settings need for this company: the servers, the base DN and the bind DN. */
export function ldapPhonebookAddress(customerSlug: string) {
  const settings = env();
  const host = settings.PHONEBOOK_LDAP_PUBLIC_HOST ?? new URL(portalUrl()).hostname;
  return {
    ldapsUrl: `ldaps://${host}:${settings.PHONEBOOK_LDAPS_PORT}`,
    startTlsUrl: `ldap://${host}:${settings.PHONEBOOK_LDAP_PORT}`,
    ...ldapNames(customerSlug),
  };
}
