/** Messages between the phonebook benchmark's driver and its child processes (Node IPC). */
export type StreamInput = { env: Record<string, string>; secret: string; format: string };
export type StreamMessage = { type: "done"; ms: number; bytes: number; peakRssMib: number; idleRssMib: number };
