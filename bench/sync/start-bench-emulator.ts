import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createEmulatorAdmin, type EmulatorAdmin } from "../../emulator";
import type { BenchTenant } from "../support/bench-tenant";
import { nextMessage } from "../support/next-message";
import type { DriverMessage, EmulatorMessage } from "./bench-protocol";

export type BenchEmulator = { url: string; admin: EmulatorAdmin; tenants: BenchTenant[]; stop(): void };

/** Forks the emulator process with one generated tenant per size and waits until they exist. */
export async function startBenchEmulator(sizes: number[]): Promise<BenchEmulator> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "emulator-process.ts");
  const child = fork(script, sizes.map(String), { execArgv: ["--import", "tsx"] });
  const ready = await nextMessage<EmulatorMessage, "ready">(child, "ready");
  return {
    url: ready.emulatorUrl,
    admin: createEmulatorAdmin(ready.emulatorUrl, ready.adminKey),
    tenants: ready.tenants,
    stop: () => child.send({ type: "stop" } satisfies DriverMessage),
  };
}
