/**
 * Postgres reports a broken constraint by name; drizzle wraps the driver's
 * error in `cause`. This finds the name so callers can turn it into a message.
 */
export function violatedConstraint(error: unknown): string | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as { code?: string; constraint_name?: string; cause?: unknown };
    if (candidate.code === "23505" || candidate.code === "23514") {
      return candidate.constraint_name ?? null;
    }
    e = candidate.cause;
  }
  return null;
}
