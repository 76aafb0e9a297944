import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulatorAdmin, type BatchTenant, type EmulatorAdmin } from "../../emulator";
import { nextMessage } from "../support/next-message";
import type { FleetDriverMessage, FleetEmulatorMessage } from "./fleet-protocol";

export type FleetEmulator = { url: string; admin: EmulatorAdmin; tenants: BatchTenant[]; generateMs: number; stop(): void };

/** Forks the fleet's emulator (fleet-emulator-process.ts) and waits until every tenant exists. */
export async function startFleetEmulator(sizes: number[], latencyMs: number): Promise<FleetEmulator> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "fleet-emulator-process.ts");
  // A million generated users need more than Node's default heap.
  const child = fork(script, [JSON.stringify(sizes), String(latencyMs)], { execArgv: ["--import", "tsx", "--max-old-space-size=4096"] });
  const ready = await nextMessage<FleetEmulatorMessage, "ready">(child, "ready");
  return {
    url: ready.emulatorUrl,
    admin: createEmulatorAdmin(ready.emulatorUrl, ready.adminKey),
    tenants: ready.tenants,
    generateMs: ready.generateMs,
    stop: () => child.send({ type: "stop" } satisfies FleetDriverMessage),
  };
}
