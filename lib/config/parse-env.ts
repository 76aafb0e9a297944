import { z } from "zod";

/**
 * Reads variables through a zod schema, the way lib/env.ts does for the web
 * and worker processes, so that every process (launcher, logger, migrate CLI)
 * stops on a missing or malformed variable with a message naming it, rather
 * than carrying on with `NaN` or an odd error later.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined> = process.env): z.infer<S> {
  const parsed = schema.safeParse(source);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
  throw new Error(`Invalid environment configuration:\n${problems}`);
}

/** A TCP port; 0 where the system may choose one. */
export const portSetting = z.coerce
  .number({ message: "must be a port number" })
  .int("must be a port number")
  .min(0, "must be a port number")
  .max(65535, "must be a port number");

/** `true` or `false`, as written in an environment; anything else is a mistake worth naming. */
export const flagSetting = z.enum(["true", "false"], { message: 'must be "true" or "false"' }).transform((value) => value === "true");

/**
 * parseEnv for a command's entry point (the launcher, the migrate CLI): a bad
 * variable is the operator's mistake, so it is said in plain words and the
 * process exits 1, without a stack trace to read past.
 */
export function commandEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined> = process.env): z.infer<S> {
  try {
    return parseEnv(schema, source);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
