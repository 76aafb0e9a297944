import { parseArgs } from "node:util";
import { parseCliOptions } from "./cli-options";
import { DEMO_TENANT } from "./seed/demo-tenant";
import { loadSeedFile, type SeedFile } from "./seed/seed-file";
import { startEmulator } from "./start-emulator";

/**
 * `npm run emulator -- [--port 8443] [--seed demo|empty|file.json] [--host 127.0.0.1] [--data-dir dir] [--admin-key key]`
 * Prints what a developer pastes into the portal's environment.
 */
const { values } = parseArgs({
  options: {
    port: { type: "string" },
    host: { type: "string" },
    seed: { type: "string" },
    "data-dir": { type: "string" },
    "admin-key": { type: "string" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log("npm run emulator -- [--port 8443] [--seed demo|empty|path.json] [--host 127.0.0.1] [--data-dir .data/emulator] [--admin-key KEY]");
  process.exit(0);
}

let options;
try {
  options = parseCliOptions(values, process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const seed: "demo" | "empty" | SeedFile = options.seed === "demo" || options.seed === "empty" ? options.seed : await loadSeedFile(options.seed);
const emulator = await startEmulator({
  port: options.port,
  host: options.host,
  seed,
  dataDir: options["data-dir"],
  adminKey: options["admin-key"],
});

const demo = emulator.demo;
console.log(`
Microsoft Entra ID + Graph emulator listening on ${emulator.url}

Start the portal (and anything else that calls the emulator) with:
  NODE_EXTRA_CA_CERTS=${emulator.caBundlePath}
  ENTRA_AUTHORITY_HOST=${emulator.url}
  GRAPH_BASE_URL=${emulator.url}
${
  demo
    ? `
Demo tenant "${DEMO_TENANT.displayName}" (${demo.domain}), app "${DEMO_TENANT.appDisplayName}":
  Tenant ID:      ${demo.tenantId}
  Client ID:      ${demo.clientId}
  Client secret:  ${demo.clientSecret}
  Sign in as:     MeganB@${demo.domain} (or any of the 20 demo people), password ${DEMO_TENANT.userPassword}
`
    : ""
}
Admin API: ${emulator.url}/_emulator/  (header x-emulator-key: ${emulator.adminKey})
CA certificate: ${emulator.caPath}
Press Ctrl+C to stop.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void emulator.close().then(() => process.exit(0));
  });
}
