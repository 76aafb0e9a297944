import { isIP } from "node:net";
import type { ConnectionOptions } from "node:tls";
import { Client, ResultCodeError } from "ldapts";
import { OutboundAddressRefused, resolveOutboundHost } from "@/lib/net/outbound-address";
import { LDAP_CONNECT_TIMEOUT_MS, LDAP_OPERATION_TIMEOUT_MS, type LdapConnectionConfig } from "./ldap-connection-config";
import { LdapProblemError } from "./ldap-problem";

/**
 * A connected client whose transport is encrypted, not yet bound. A simple
 * bind sends the password as it is, so plain ldap:// is refused here, before
 * any connection is made; AD refuses such binds too ("strong auth required").
 * With StartTLS, a failed upgrade is an error: never a quiet fallback to plain.
 * Certificates are always checked: against the pasted CA when there is one,
 * otherwise against Node's usual roots. The host is resolved and checked
 * against the outbound policy first (lib/net/outbound-address.ts): the
 * client connects to the checked address, never to the name again, and the
 * name stays the TLS server name the certificate must match.
 */
export async function openLdapClient(config: Pick<LdapConnectionConfig, "url" | "startTls" | "caCertificate">): Promise<Client> {
  const url = parseLdapUrl(config.url);
  if (url.protocol === "ldap:" && !config.startTls) {
    throw new LdapProblemError({
      code: "plain_ldap_refused",
      message: "ldap:// without StartTLS would send passwords unencrypted. Use ldaps:// (port 636), or turn on StartTLS.",
      retryable: false,
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const target = await resolveChecked(host);
  const tlsOptions: ConnectionOptions = {
    ca: config.caCertificate ? [config.caCertificate] : undefined,
    minVersion: "TLSv1.2",
    // SNI takes host names only.
    servername: isIP(host) ? undefined : host,
  };
  const client = new Client({
    url: `${url.protocol}//${target.family === 6 ? `[${target.address}]` : target.address}${url.port ? `:${url.port}` : ""}`,
    connectTimeout: LDAP_CONNECT_TIMEOUT_MS,
    timeout: LDAP_OPERATION_TIMEOUT_MS,
    // ldapts opens TLS at once whenever tlsOptions are given; for StartTLS they go to the upgrade instead.
    tlsOptions: url.protocol === "ldaps:" ? tlsOptions : undefined,
  });
  if (url.protocol === "ldap:") {
    try {
      await withTimeout(client.startTLS({ ...tlsOptions, host }), LDAP_CONNECT_TIMEOUT_MS + LDAP_OPERATION_TIMEOUT_MS);
    } catch (error) {
      await closeQuietly(client);
      if (error instanceof ResultCodeError) {
        throw new LdapProblemError({
          code: "starttls_refused",
          message: "The server refused StartTLS. Use ldaps:// (port 636) instead, or enable TLS on the server.",
          retryable: false,
        });
      }
      throw error;
    }
  }
  return client;
}

/** The address to connect to, checked; the lookup counts against the connect timeout, as it did inside ldapts. */
async function resolveChecked(host: string) {
  try {
    return await withTimeout(resolveOutboundHost(host), LDAP_CONNECT_TIMEOUT_MS, "Connection timeout");
  } catch (error) {
    if (!(error instanceof OutboundAddressRefused)) throw error;
    throw new LdapProblemError({ code: "address_not_allowed", message: error.message, retryable: false });
  }
}

/** Unbind and close, ignoring a connection that is already gone. */
export async function closeQuietly(client: Client): Promise<void> {
  await client.unbind().catch(() => undefined);
}

function parseLdapUrl(raw: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(raw.trim());
  } catch {
    // falls through to the refusal below
  }
  if (!url || (url.protocol !== "ldap:" && url.protocol !== "ldaps:") || !url.hostname) {
    throw new LdapProblemError({
      code: "invalid_url",
      message: "The server address must look like ldaps://dc.example.com:636 (or ldap://… with StartTLS).",
      retryable: false,
    });
  }
  return url;
}

async function withTimeout<T>(work: Promise<T>, ms: number, message = "StartTLS: Operation timed out"): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
