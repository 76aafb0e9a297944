/** Messages between the benchmark driver and its server process (Node IPC). */
export interface ServersReady {
  type: "ready";
  emulatorUrl: string;
  adminKey: string;
  bareOrigin: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  generateMs: number;
  pageCount: number;
  totalBytes: number;
}

export type DriverMessage = { type: "memory" } | { type: "stop" };
export type ServerMessage = ServersReady | { type: "memory"; heapUsedMb: number };
