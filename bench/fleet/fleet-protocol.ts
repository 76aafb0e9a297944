import type { BatchTenant } from "../../emulator";

/** Messages between the fleet benchmark's driver and its emulator process (Node IPC). */
export type FleetEmulatorMessage = { type: "ready"; emulatorUrl: string; adminKey: string; tenants: BatchTenant[]; generateMs: number };
export type FleetDriverMessage = { type: "stop" };
