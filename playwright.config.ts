import { createHash, X509Certificate } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { ensureCertificates } from "./emulator";

const port = Number(process.env.E2E_PORT ?? 3210);
export const baseURL = `http://localhost:${port}`;

/**
 * End-to-end tests in Debian's Chromium (Playwright cannot download browsers
 * here) against the built portal on a fresh database of its own.
 */
/**
 * Chromium ignores NODE_EXTRA_CA_CERTS, so to reach the emulator's sign-in
 * page it is told to trust exactly the emulator's server key (by its SPKI
 * hash) — an explicit trust anchor for that one key, as the Node processes
 * trust the emulator's CA; every other certificate is checked as usual.
 */
const { serverCertPem } = await ensureCertificates();
const emulatorKeyPin = createHash("sha256")
  .update(new X509Certificate(serverCertPem).publicKey.export({ type: "spki", format: "der" }))
  .digest("base64");

export default defineConfig({
  testDir: "test/e2e",
  // Generous: CI's clean-clone run has been twice as slow as a developer's run of the same suite (three lanes of
  // tests share two cores), and a test that fails for the machine's pace says nothing about the portal.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  // Two cores run the server and the browser; one test at a time keeps timings honest.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  // Its own folder, which Playwright empties at the start: npm test's other runs keep their reports in test-results/.
  outputDir: "test-results/e2e-artifacts",
  use: {
    baseURL,
    // A trace recorded for every test cost a quarter of the browser tests' CPU (5 tests: 82 s with, 62 s without),
    // on the two cores the integration lanes share. A failure keeps its last screen; `--trace on` records the rest.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        `--ignore-certificate-errors-spki-list=${emulatorKeyPin}`,
      ],
    },
  },
  webServer: {
    command: "npx tsx test/e2e/support/serve.ts",
    url: `${baseURL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port) },
  },
});
