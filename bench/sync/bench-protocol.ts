import type { BenchTenant } from "../support/bench-tenant";

/** Messages from the benchmark's child processes to its driver (Node IPC). */
export type EmulatorMessage = { type: "ready"; emulatorUrl: string; adminKey: string; tenants: BenchTenant[] };

export type FloorInput = { emulatorUrl: string; tenant: BenchTenant; databaseUrl: string };
export type FloorMessage = { type: "done"; ms: number; rows: number; pages: number };

export type DriverMessage = { type: "stop" };
