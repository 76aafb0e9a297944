import path from "node:path";
import { fileURLToPath } from "node:url";
import { relaunchTrustingEmulator } from "../support/relaunch-trusting-emulator";

/** `npm run bench:emulator`: the listing benchmark, in a process that trusts the emulator's CA. Arguments are passed through. */
await relaunchTrustingEmulator(path.join(path.dirname(fileURLToPath(import.meta.url)), "list-users-bench.ts"));
