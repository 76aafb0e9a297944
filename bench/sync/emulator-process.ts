import { startEmulator } from "../../emulator/start-emulator";
import { createBenchTenant } from "../support/bench-tenant";
import type { DriverMessage, EmulatorMessage } from "./bench-protocol";

/**
 * The emulator in a process of its own, as it runs apart from the portal's
 * worker in real use: its CPU is not the worker's, and the floor and the sync
 * page out of the very same server. One tenant per size on the command line.
 */
const sizes = process.argv.slice(2).map(Number);
const emulator = await startEmulator({ seed: "empty" });
const tenants = [];
for (const size of sizes) tenants.push(await createBenchTenant(emulator.admin, `Bench ${size}`, size));

process.on("message", (message: DriverMessage) => {
  if (message.type === "stop") void emulator.close().then(() => process.exit(0));
});
process.send!({ type: "ready", emulatorUrl: emulator.url, adminKey: emulator.adminKey, tenants } satisfies EmulatorMessage);
