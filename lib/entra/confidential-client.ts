import "server-only";
import { createHash } from "node:crypto";
import { ConfidentialClientApplication, LogLevel } from "@azure/msal-node";
import { logger } from "@/lib/logger";
import { RecentMap } from "@/lib/recent-map";
import { authorityFor, knownAuthorities } from "./endpoints";

export type AppCredentials = { customerId: string; tenantId: string; clientId: string; clientSecret: string };

/**
 * One msal client per customer: msal caches the app token in it, so a sync
 * asks for a token about once an hour, not once a page. Changed credentials (a
 * new secret) replace the client and its cache. Only the most recently used
 * are kept: each holds about 10 KiB with its token, and a worker that had kept
 * every customer's held 20 MiB more after a 2,000-customer night (bench:fleet);
 * a customer whose client was dropped asks for a token once more.
 */
const clients = new RecentMap<string, { fingerprint: string; client: ConfidentialClientApplication }>(256);

export function confidentialClient(credentials: AppCredentials): ConfidentialClientApplication {
  const fingerprint = createHash("sha256").update(`${credentials.tenantId}\n${credentials.clientId}\n${credentials.clientSecret}`).digest("hex");
  const cached = clients.get(credentials.customerId);
  if (cached?.fingerprint === fingerprint) return cached.client;
  const client = newConfidentialClient(credentials);
  clients.set(credentials.customerId, { fingerprint, client });
  return client;
}

/** A client with an empty token cache: Test connection must not be answered from a token cached under older settings. */
export function newConfidentialClient(credentials: AppCredentials): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      clientSecret: credentials.clientSecret,
      authority: authorityFor(credentials.tenantId),
      knownAuthorities: knownAuthorities(),
    },
    system: {
      loggerOptions: {
        // msal's own messages may quote request details; keep only warnings, never PII.
        piiLoggingEnabled: false,
        logLevel: LogLevel.Warning,
        loggerCallback: (_level, message) => logger.debug({ customerId: credentials.customerId }, `msal: ${message}`),
      },
    },
  });
}
