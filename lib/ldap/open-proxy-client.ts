import type { Client } from "ldapts";
import type { LdapConnectionConfig } from "./ldap-connection-config";
import { LdapProblemError } from "./ldap-problem";
import { closeQuietly, openLdapClient } from "./open-ldap-client";

/**
 * A client bound as the proxy (service) account. An empty password would make
 * a simple bind "unauthenticated" and succeed, and every search after it would
 * quietly see nothing, so it is refused first.
 */
export async function openProxyClient(config: LdapConnectionConfig): Promise<Client> {
  if (!config.bindPassword) {
    throw new LdapProblemError({ code: "missing_bind_password", message: "The service account's password is missing.", retryable: false });
  }
  const client = await openLdapClient(config);
  try {
    await client.bind(config.bindName.trim(), config.bindPassword);
    return client;
  } catch (error) {
    await closeQuietly(client);
    throw error;
  }
}
