import { z } from "zod";

const port = z.coerce
  .number({ message: "must be a port number" })
  .int("must be a port number")
  .min(1, "must be a port number")
  .max(65535, "must be a port number");

/**
 * The emulator CLI's flags and its one variable, validated like the portal's
 * settings (lib/env.ts): `--port abc` is an error naming it, not a listen on NaN.
 * The emulator stays free of lib/, hence this schema of its own.
 */
const schema = z.object({
  port: port.default(8443),
  host: z.string().min(1, "must be an interface address").default("127.0.0.1"),
  seed: z.string().min(1, "must be demo, empty or a seed file").default("demo"),
  "data-dir": z.string().min(1).optional(),
  // From --admin-key, or else the EMULATOR_ADMIN_KEY variable; generated when neither is given.
  "admin-key": z.string().min(1, "must not be empty").optional(),
});

export type CliOptions = z.infer<typeof schema>;

/** Flags (as node:util parseArgs gives them) and variables; throws an error naming each bad one. */
export function parseCliOptions(flags: Record<string, unknown>, env: Record<string, string | undefined>): CliOptions {
  const parsed = schema.safeParse({ ...flags, "admin-key": flags["admin-key"] ?? (env.EMULATOR_ADMIN_KEY || undefined) });
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (issue) => `  ${issue.path[0] === "admin-key" && !flags["admin-key"] ? "EMULATOR_ADMIN_KEY" : `--${issue.path.join(".")}`}: ${issue.message}`,
  );
  throw new Error(`Invalid emulator options:\n${problems.join("\n")}`);
}
