import path from "node:path";
import { fileURLToPath } from "node:url";
import { relaunchTrustingEmulator } from "../support/relaunch-trusting-emulator";

/**
 * `npm run bench:sync`: the sync benchmark, in a process that trusts the
 * emulator's CA and resolves `server-only` as the worker does. Arguments
 * are passed through.
 */
process.env.LOG_LEVEL ??= "warn";
await relaunchTrustingEmulator(path.join(path.dirname(fileURLToPath(import.meta.url)), "sync-bench.ts"), ["--conditions=react-server"]);
