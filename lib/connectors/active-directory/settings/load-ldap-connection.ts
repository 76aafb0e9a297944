import "server-only";
import { db } from "@/db/client";
import { ldapSettings, type LdapSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { LdapConnectionConfig } from "@/lib/ldap/ldap-connection-config";
import { open } from "@/lib/secrets/secret-box";
import { ofCustomer } from "@/lib/tenancy";

/**
 * The settings row with the proxy password decrypted, for the worker, Test
 * connection and directory sign-in only. The result lives in memory for one
 * operation and is never logged, returned to a browser or put in a job.
 */
export async function loadLdapConnection({ customerId }: { customerId: string }): Promise<{ settings: LdapSettings; config: LdapConnectionConfig }> {
  const [settings] = await db().select().from(ldapSettings).where(ofCustomer(ldapSettings, customerId)).limit(1);
  if (!settings) throw new AppError("invalid_input", "Save the Active Directory settings first.");
  const bindPassword = open({ ciphertext: settings.bindPasswordCiphertext, keyId: settings.bindPasswordKeyId }, customerId);
  return { settings, config: ldapConnectionConfig(settings, bindPassword) };
}

export function ldapConnectionConfig(
  settings: Pick<LdapSettings, "url" | "startTls" | "caCertificate" | "bindName" | "baseDn" | "userFilter" | "usernameAttribute">,
  bindPassword: string,
): LdapConnectionConfig {
  return {
    url: settings.url,
    startTls: settings.startTls,
    caCertificate: settings.caCertificate,
    bindName: settings.bindName,
    bindPassword,
    baseDn: settings.baseDn,
    userFilter: settings.userFilter,
    usernameAttribute: settings.usernameAttribute,
  };
}
