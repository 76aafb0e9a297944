import path from "node:path";
import { fileURLToPath } from "node:url";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../db/embedded-server";
import { runMigrations } from "../db/migrate";
import { demoLogins, demoPassword, seedDemo } from "./demo/seed-demo";
import { DEMO_TENANT, ensureCertificates, startEmulator, type RunningEmulator } from "../emulator";
import { ldapPhonebookCommand, webCommand, workerCommand, workerEnvironment } from "../workers/worker-command";
import { buildIfChanged } from "./launcher/build-if-changed";
import { Children } from "./launcher/children";
import { demoLoginsText } from "./launcher/demo-logins-text";
import { launcherEnv } from "./launcher/launcher-env";
import { localEncryptionKeys, localSecret } from "./launcher/local-secret";

/**
 * `npm start`: the web app and the sync worker, with what they need first.
 * With no DATABASE_URL this is the demo on one machine: an embedded PGlite
 * database under `.data/`, a demo company, and the Entra/Graph emulator with
 * its demo tenant; secrets are generated into `.data/`. With DATABASE_URL it
 * is production-shaped: secrets must be given, Microsoft is the real one.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = path.join(root, ".data");
const settings = launcherEnv();
const port = settings.PORT;

let embedded: EmbeddedDatabase | undefined;
let emulator: RunningEmulator | undefined;
let databaseUrl = settings.DATABASE_URL;
if (!databaseUrl) {
  embedded = await startEmbeddedDatabase({ dataDir: path.join(dataDir, "pg"), port: settings.EMBEDDED_DB_PORT });
  databaseUrl = embedded.url;
  emulator = await startEmulator({ port: settings.EMULATOR_PORT, seed: "demo", dataDir: path.join(dataDir, "emulator") });
}

// launcherEnv() has already refused a DATABASE_URL without both secrets.
const nextAuthSecret = settings.NEXTAUTH_SECRET ?? (await localSecret(dataDir, "nextauth-secret"));
const encryptionKeys = settings.ENCRYPTION_KEYS ?? (await localEncryptionKeys(dataDir));

await runMigrations(databaseUrl);
const seeded = (embedded || settings.DEMO_SEED) && (await seedDemo(databaseUrl));
buildIfChanged(root);

const env: Record<string, string | undefined> = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: nextAuthSecret,
  ENCRYPTION_KEYS: encryptionKeys,
  NEXTAUTH_URL: settings.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: "1",
  // Node reads extra CAs only at start: the children must be born knowing the emulator's.
  ...(emulator ? { NODE_EXTRA_CA_CERTS: emulator.caBundlePath, ENTRA_AUTHORITY_HOST: emulator.url, GRAPH_BASE_URL: emulator.url } : {}),
};

const children = new Children({
  onAllStopped: async (code) => {
    await emulator?.close();
    await embedded?.close();
    process.exit(code);
  },
});
// Node itself, not npx, so that SIGTERM reaches the web server and the port is freed on stop.
// Our own server around Next.js's handler (not `next start`): it reads the client's address from the socket.
children.start("web", webCommand[0], webCommand.slice(1), {
  ...env,
  SERVICE_NAME: "web",
  PORT: String(port),
  NODE_ENV: "production",
});
children.start("worker", workerCommand[0], workerCommand.slice(1), { ...env, ...workerEnvironment, SERVICE_NAME: "worker" });
// The LDAP phonebook needs a certificate: production names one; the demo uses the emulator's, from the one local CA.
const demoCertificates = emulator ? await ensureCertificates(path.join(dataDir, "emulator")) : undefined;
const ldapTls = demoCertificates
  ? { cert: demoCertificates.serverCertPath, key: demoCertificates.serverKeyPath }
  : settings.PHONEBOOK_LDAP_TLS_CERT && settings.PHONEBOOK_LDAP_TLS_KEY
    ? { cert: settings.PHONEBOOK_LDAP_TLS_CERT, key: settings.PHONEBOOK_LDAP_TLS_KEY }
    : undefined;
if (ldapTls) {
  children.start("ldap-phonebook", ldapPhonebookCommand[0], ldapPhonebookCommand.slice(1), {
    ...env,
    SERVICE_NAME: "ldap-phonebook",
    PHONEBOOK_LDAP_TLS_CERT: ldapTls.cert,
    PHONEBOOK_LDAP_TLS_KEY: ldapTls.key,
  });
}
const ldapLine = ldapTls
  ? `LDAP phonebook: ldaps://localhost:${settings.PHONEBOOK_LDAPS_PORT} and ldap://localhost:${settings.PHONEBOOK_LDAP_PORT} (StartTLS)${
      demoCertificates ? `, certificate from the local CA (${demoCertificates.caCertPath})` : ""
    }; bind DN and password under Authority Setting → Phonebooks.`
  : "LDAP phonebook not started: set PHONEBOOK_LDAP_TLS_CERT and PHONEBOOK_LDAP_TLS_KEY (PEM files) to serve it.";
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => children.stop(0));

console.log(`
Switchboard is starting on ${env.NEXTAUTH_URL}
${ldapLine}
${embedded ? demoLoginsText(demoLogins, demoPassword, Boolean(seeded)) : ""}${
  emulator?.demo
    ? `
Demo Microsoft Entra tenant (local emulator at ${emulator.url}); paste into Authority Setting → MS AAD:
  Tenant ID  ${emulator.demo.tenantId}
  Client ID  ${emulator.demo.clientId}
  Secret     ${emulator.demo.clientSecret}
Its people sign in with Microsoft as e.g. MeganB@${emulator.demo.domain}, password ${DEMO_TENANT.userPassword}.
Your browser reaches the emulator's sign-in page over HTTPS: trust its CA (${emulator.caPath}) or accept the warning.`
    : ""
}
`);
