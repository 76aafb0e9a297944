import "./ldap-phonebook-service-name";
import { readFileSync } from "node:fs";
import { closeDb } from "@/db/client";
import { writeCredentialUses } from "@/lib/directory-credentials/credential-uses";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { phonebookLdapSettings } from "@/lib/phonebook-ldap/phonebook-ldap-settings";
import { startPhonebookLdapServer } from "@/lib/phonebook-ldap/phonebook-ldap-server";

/**
 * The LDAP phonebook process (`npm start` runs it beside the web and the
 * worker): desk phones bind as their company and search its directory as
 * the user types and on every incoming call. Read-only; see README, LDAP phonebook.
 */
const settings = phonebookLdapSettings();
const server = await startPhonebookLdapServer({
  host: settings.PHONEBOOK_LDAP_HOST,
  ldapsPort: env().PHONEBOOK_LDAPS_PORT,
  ldapPort: env().PHONEBOOK_LDAP_PORT,
  certPem: readFileSync(settings.PHONEBOOK_LDAP_TLS_CERT, "utf8"),
  keyPem: readFileSync(settings.PHONEBOOK_LDAP_TLS_KEY, "utf8"),
  maxConnections: settings.PHONEBOOK_LDAP_MAX_CONNECTIONS,
  maxMessageBytes: settings.PHONEBOOK_LDAP_MAX_MESSAGE_BYTES,
  idleTimeoutMs: settings.PHONEBOOK_LDAP_IDLE_SECONDS * 1000,
  serverSizeLimit: settings.PHONEBOOK_LDAP_SIZE_LIMIT,
  requestsPerMinute: env().PHONEBOOK_REQUESTS_PER_MINUTE,
  credentialRecheckMs: settings.PHONEBOOK_LDAP_RECHECK_SECONDS * 1000,
  logger,
});
logger.info({ ldapsPort: server.ldapsPort, ldapPort: server.ldapPort }, "LDAP phonebook ready");

async function shutdown(signal: string) {
  logger.info({ signal }, "LDAP phonebook stopping");
  await server.close();
  await writeCredentialUses();
  await closeDb();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
