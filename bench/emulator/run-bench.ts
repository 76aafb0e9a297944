import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensureCertificates } from "../../emulator/certs/ensure-certificates";

/**
 * `npm run bench:emulator`: Node reads NODE_EXTRA_CA_CERTS only at start-up,
 * so this launcher prepares the certificates and starts the benchmark in a
 * fresh process that trusts the emulator's CA, exactly as the portal's
 * launcher starts Next.js. Arguments are passed through.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const certificates = await ensureCertificates();
const child = spawn(process.execPath, ["--import", "tsx", path.join(here, "list-users-bench.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NODE_EXTRA_CA_CERTS: certificates.caBundlePath },
});
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
