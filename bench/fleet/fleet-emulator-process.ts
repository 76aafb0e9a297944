import { startEmulator } from "../../emulator/start-emulator";
import type { FleetDriverMessage, FleetEmulatorMessage } from "./fleet-protocol";

/**
 * The emulator in a process of its own (its CPU is not the worker's), with
 * the fleet's tenants made in one batch, each answering Graph requests after
 * a Graph-like latency (log-normal, median argv[3] ms) and throttling by
 * resource units as Graph's identity service does, so that the emulator
 * counts any request of ours over a tenant's bucket.
 */
const sizes = JSON.parse(process.argv[2]!) as number[];
const medianMs = Number(process.argv[3]);
const emulator = await startEmulator({ seed: "empty" });
const started = performance.now();
const tenants = await emulator.admin.createTenants({
  sizes,
  seed: "fleet",
  faults: { ...(medianMs > 0 ? { latency: { medianMs, sigma: 0.5 } } : {}), resourceUnits: {} },
});
const generateMs = performance.now() - started;

process.on("message", (message: FleetDriverMessage) => {
  if (message.type === "stop") void emulator.close().then(() => process.exit(0));
});
process.send!({ type: "ready", emulatorUrl: emulator.url, adminKey: emulator.adminKey, tenants, generateMs } satisfies FleetEmulatorMessage);
