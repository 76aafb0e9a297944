import { spawn } from "node:child_process";
import { startEmulator } from "@/emulator";
import { createScratchDatabase } from "../../support/scratch-database";
import { e2eEmulator } from "./e2e-emulator";

/**
 * Playwright's web server: a fresh database (real PostgreSQL, or embedded
 * PGlite with TEST_DB=pglite) and the Entra/Graph emulator on a fixed port
 * with a known admin key (the tests drive it), then the portal exactly as
 * `npm start` runs it, with the demo operator seeded so tests can create
 * their own customers, and its own address as PUBLIC_URL, so real time is on
 * for every company that uses MS AAD, as in production.
 */
const database = await createScratchDatabase("switchboard_e2e");
const emulator = await startEmulator({ port: e2eEmulator.port, adminKey: e2eEmulator.adminKey, seed: "demo" });
const portal = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    DEMO_SEED: "true",
    NEXTAUTH_SECRET: "e2e-secret-that-is-at-least-32-characters",
    ENCRYPTION_KEYS: `e2e:${Buffer.alloc(32, 7).toString("base64")}`,
    NODE_EXTRA_CA_CERTS: emulator.caBundlePath,
    ENTRA_AUTHORITY_HOST: emulator.url,
    GRAPH_BASE_URL: emulator.url,
    SYNC_RETRY_DELAY_MS: "500",
    // Real time (MS AAD → Real time): the emulator takes plain http to a loopback address, and a short
    // debounce keeps the wait for a notified run short. Only real-time.spec.ts changes a tenant while real time is on.
    PUBLIC_URL: `http://localhost:${process.env.PORT}`, // Playwright's webServer.env gives the port
    REALTIME_DEBOUNCE_MS: "500",
    LOG_LEVEL: "warn",
    OUTBOUND_ALLOW: "loopback", // the test domain controller (Samba) listens on 127.0.0.1
    // The tests play the reverse proxy: each gives its own X-Forwarded-For (support/fixtures.ts).
    TRUSTED_PROXIES: "127.0.0.1, ::1",
  },
});

async function shutdown() {
  portal.kill("SIGTERM");
  await new Promise((resolve) => portal.once("exit", resolve));
  await Promise.all([database.drop(), emulator.close()]);
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
portal.on("exit", async (code) => {
  await Promise.all([database.drop(), emulator.close()]);
  process.exit(code ?? 1);
});
