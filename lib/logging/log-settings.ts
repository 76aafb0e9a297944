import { z } from "zod";
import { parseEnv } from "@/lib/config/parse-env";

export const logLevelSetting = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/**
 * What the logger reads. It is made when lib/logger.ts is first imported, in
 * processes that have no full lib/env.ts configuration (the launcher's
 * children before env() runs, tests, benchmarks), so it has a schema of its own.
 * SERVICE_NAME is the `service` field of every log line: "web" unless set;
 * the launcher sets it for its two children, and the worker process says
 * "worker" however it is started (workers/worker-service-name.ts).
 */
const schema = z.object({
  LOG_LEVEL: logLevelSetting,
  SERVICE_NAME: z
    .string()
    .regex(/^[\w-]+$/, "must be a short name such as web or worker")
    .default("web"),
});

export function logSettings(source: Record<string, string | undefined> = process.env) {
  return parseEnv(schema, source);
}
