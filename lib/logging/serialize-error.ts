import pino from "pino";
import { scrubSecrets } from "./scrub-secrets";

// The values a failed statement was run with: postgres.js keeps them on
// `parameters` (and `args`), drizzle on `params`. They are user data and, for
// a password change, an argon2 hash; the SQL with its $1 placeholders stays.
const droppedKeys = new Set(["parameters", "params", "args", "values", "input", "body"]);

/**
 * pino's `err` serializer with the secrets taken out: the standard shape
 * (type, message, stack, causes, own fields), then statement parameters
 * dropped at any depth, drizzle's "params: …" line cut from message and
 * stack, and anything secret-shaped in the remaining text redacted.
 */
export function serializeError(error: unknown): unknown {
  return scrub(pino.stdSerializers.err(error as Error), 0);
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrubSecrets(value.replace(/^params: .*$/gm, "params: [redacted]"));
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    out[key] = droppedKeys.has(key) ? "[redacted]" : scrub(child, depth + 1);
  }
  return out;
}
