import path from "node:path";
import { fileURLToPath } from "node:url";
import { relaunchTrustingEmulator } from "../support/relaunch-trusting-emulator";

/**
 * `npm run bench:fleet`: the fleet benchmark, in a process that trusts the
 * emulator's CA and resolves `server-only` as the worker does. Arguments
 * (--customers, --latency, --workers, --concurrency) are passed through.
 */
process.env.LOG_LEVEL ??= "warn";
await relaunchTrustingEmulator(path.join(path.dirname(fileURLToPath(import.meta.url)), "fleet-bench.ts"), ["--conditions=react-server"]);
