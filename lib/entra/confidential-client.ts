import "server-only";
import { createHash } from "node:crypto";
import { ConfidentialClientApplication, LogLevel } from "@azure/msal-node";
import { logger } from "@/lib/logger";
import { authorityFor, knownAuthorities } from "./endpoints";

export type AppCredentials = { customerId: string; tenantId: string; clientId: string; clientSecret: string };

/**
 * One msal client per customer, kept for the life of the process: msal caches
 * the app token in it, so a sync asks for a token about once an hour, not once
 * a page. Changed credentials (a new secret) replace the client and its cache.
 */
const clients = new Map<string, { fingerprint: string; client: ConfidentialClientApplication }>();

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

/** Forget a customer's client, e.g. after its settings were removed. */
export function dropConfidentialClient(customerId: string): void {
  clients.delete(customerId);
}
