import { randomBytes } from "node:crypto";

/**
 * What the portal's lib and the worker read from the environment, for one
 * benchmark: its own scratch database, the emulator as Microsoft, a fresh
 * encryption key, and jobs on Redis under a queue prefix of its own.
 */
export function benchEnvironment(databaseUrl: string, emulatorUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    QUEUE_PREFIX: `bench-${Date.now()}-${process.pid}`,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
    ENCRYPTION_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    ENTRA_AUTHORITY_HOST: emulatorUrl,
    GRAPH_BASE_URL: emulatorUrl,
  };
}
