import { afterAll, beforeAll } from "vitest";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "@/emulator";

/**
 * One emulator per test file, on a free port, with the demo tenant. The CA it
 * serves is the one the global setup put into NODE_EXTRA_CA_CERTS (same data
 * directory), so real clients in this worker trust it with default settings.
 */
export function useEmulator(options: StartEmulatorOptions = {}): () => RunningEmulator {
  let emulator: RunningEmulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error("The emulator is not started yet (use it inside a test or hook).");
    return emulator;
  };
}
