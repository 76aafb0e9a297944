import "server-only";
import { and, desc, gt, inArray, lt, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { env } from "@/lib/env";
import { lockoutRemainingMs, type LockoutPolicy } from "./lockout";

export function lockoutPolicy(): LockoutPolicy {
  return {
    maxFailures: env().SIGN_IN_MAX_FAILURES,
    windowMs: env().SIGN_IN_WINDOW_MINUTES * 60_000,
  };
}

export const portalKey = (portalId: string) => `portal:${portalId}`;
export const addressKey = (address: string) => `ip:${address}`;

/** The longest lockout among the keys (portal ID, client address), 0 if none. */
export async function lockoutRemaining(keys: string[], now = new Date()): Promise<number> {
  const policy = lockoutPolicy();
  const since = new Date(now.getTime() - policy.windowMs);
  const rows = await db()
    .select({ key: signInFailures.key, createdAt: signInFailures.createdAt })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), gt(signInFailures.createdAt, since)))
    .orderBy(desc(signInFailures.createdAt));
  return Math.max(
    0,
    ...keys.map((key) =>
      lockoutRemainingMs(
        rows.filter((r) => r.key === key).map((r) => r.createdAt),
        now,
        policy,
      ),
    ),
  );
}

export async function recordFailure(keys: string[], now = new Date()): Promise<void> {
  const since = new Date(now.getTime() - lockoutPolicy().windowMs);
  await db().transaction(async (tx) => {
    await tx.insert(signInFailures).values(keys.map((key) => ({ key, createdAt: now })));
    // Rows older than the window no longer count; drop them as we go.
    await tx
      .delete(signInFailures)
      .where(and(inArray(signInFailures.key, keys), lt(signInFailures.createdAt, since)));
  });
}

/** A successful sign-in clears the portal ID's count (not the address's). */
export async function clearFailures(key: string): Promise<void> {
  await db().delete(signInFailures).where(eq(signInFailures.key, key));
}
