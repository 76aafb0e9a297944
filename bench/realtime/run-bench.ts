import { relaunchTrustingEmulator } from "../support/relaunch-trusting-emulator";

// `npm run bench:realtime`: the notifications part in a process that trusts the emulator's CA.
// The worker code logs every run; the figures are what this benchmark prints.
process.env.LOG_LEVEL ??= "warn";
await relaunchTrustingEmulator("bench/realtime/notifications-bench.ts", ["--conditions=react-server"]);
