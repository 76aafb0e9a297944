import "server-only";
import { and, gt, inArray, lt, lte, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { signInFailures } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { lockoutMessage, lockoutRemainingMs, type LockoutPolicy } from "./lockout";

export function lockoutPolicy(): LockoutPolicy {
  return {
    maxFailures: env().SIGN_IN_MAX_FAILURES,
    windowMs: env().SIGN_IN_WINDOW_MINUTES * 60_000,
  };
}

export const portalKey = (portalId: string) => `portal:${portalId}`;
export const addressKey = (address: string) => `ip:${address}`;

/** One reserved guess: a row per key, counted as a failure unless it is settled otherwise. */
export type Attempt = { identity: Reserved; others: Reserved[] };
type Reserved = { key: string; id: number };

/**
 * Reserves one guess for every key (the identity first: portal ID, directory
 * user name; then the client address), or refuses with the lockout message.
 * The reservation is written BEFORE the password is checked and counts as a
 * failure until `attemptSucceeded` or `refundAttempt` settles it, so however
 * many guesses arrive at once, at most the limit of them reach the check: each
 * key's advisory lock (taken in one order, so two attempts cannot deadlock)
 * serialises the count-and-insert of everyone guessing at that key, and under
 * READ COMMITTED the count, a later statement than the lock, sees every
 * reservation committed before it.
 */
export async function reserveAttempt(keys: string[]): Promise<Attempt> {
  const policy = lockoutPolicy();
  return db().transaction(async (tx) => {
    for (const key of [...new Set(keys)].sort()) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
    }
    // The time is read after the locks, and from the database: every reservation
    // committed before ours is then dated no later than ours (none is "in the
    // future" and left out of the count), whichever process's clock runs ahead.
    const [clock] = await tx.execute<{ now: string | Date }>(sql`select clock_timestamp() as now`);
    const now = new Date(clock!.now);
    const since = new Date(now.getTime() - policy.windowMs);
    const recent = await tx
      .select({ key: signInFailures.key, createdAt: signInFailures.createdAt })
      .from(signInFailures)
      .where(and(inArray(signInFailures.key, keys), gt(signInFailures.createdAt, since)));
    const remaining = Math.max(
      0,
      ...keys.map((key) =>
        lockoutRemainingMs(
          recent.filter((r) => r.key === key).map((r) => r.createdAt),
          now,
          policy,
        ),
      ),
    );
    if (remaining > 0) throw new AppError("rate_limited", lockoutMessage(remaining));
    const rows = await tx
      .insert(signInFailures)
      .values(keys.map((key) => ({ key, createdAt: now })))
      .returning({ key: signInFailures.key, id: signInFailures.id });
    // Rows older than the window no longer count; drop them as we go.
    await tx.delete(signInFailures).where(and(inArray(signInFailures.key, keys), lt(signInFailures.createdAt, since)));
    const identity = rows.find((r) => r.key === keys[0])!;
    return { identity, others: rows.filter((r) => r !== identity) };
  });
}

/**
 * The password was right. As before, the identity's count starts again: its
 * failures up to and including this reservation go (guesses reserved after
 * this one still count); for the other keys (the address) only this
 * reservation is given back, since a right password is no failure of theirs.
 */
export async function attemptSucceeded(attempt: Attempt): Promise<void> {
  const { identity, others } = attempt;
  await db().transaction(async (tx) => {
    await tx.delete(signInFailures).where(and(eq(signInFailures.key, identity.key), lte(signInFailures.id, identity.id)));
    if (others.length > 0)
      await tx.delete(signInFailures).where(
        inArray(
          signInFailures.id,
          others.map((r) => r.id),
        ),
      );
  });
}

/** No guess was judged (the directory could not be asked, the account is disabled…): the reservation is given back. */
export async function refundAttempt(attempt: Attempt): Promise<void> {
  const ids = [attempt.identity, ...attempt.others].map((r) => r.id);
  await db().delete(signInFailures).where(inArray(signInFailures.id, ids));
}
