import { spawn } from "node:child_process";
import { ensureCertificates } from "../../emulator/certs/ensure-certificates";

/**
 * Starts a benchmark script in a fresh Node process that trusts the
 * emulator's CA. Node reads NODE_EXTRA_CA_CERTS only at start-up, so an
 * `npm run bench:…` launcher prepares the certificates and hands over to the
 * real script, exactly as the portal's launcher starts Next.js. The child's
 * arguments are passed through and its exit code becomes ours.
 */
export async function relaunchTrustingEmulator(script: string, nodeOptions: readonly string[] = []): Promise<never> {
  const certificates = await ensureCertificates();
  const child = spawn(process.execPath, [...nodeOptions, "--import", "tsx", script, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: certificates.caBundlePath },
  });
  return new Promise<never>(() => child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0))));
}
