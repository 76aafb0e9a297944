import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import { now } from "@/lib/clock";
import { directoryCredentials, directoryCredentialUses } from "@/db/schema";
import { logger } from "@/lib/logger";
import { jsonParameter } from "@/db/sql-names";

/**
 * How often each credential (a phone's download, a PBX's lookup, an LDAP
 * bind) has been used in its current minute, by secret hash: this process's
 * uses not yet written, and what the credential's row counted at this
 * process's last write, from every process. Uses are written once a second,
 * all in one statement, instead of a row write per request: with that write,
 * a caller-ID lookup cost three times the bare lookup at p99 (bench/phonebook).
 * So in one process no request slips past the rate; across processes, at
 * most about a second's worth of the others' requests can.
 */
let unwritten = new Map<string, number>();
// Uses on their way to the row, counted still until the write returns the row's new count.
let writing = new Map<string, number>();
// The row's count at this process's last write, and when its window ends (by lib/clock).
const counted = new Map<string, { uses: number; until: number }>();

const writeEveryMs = 1000;
let timer: NodeJS.Timeout | undefined;
let queue: Promise<void> = Promise.resolve();

/** Counts one use of the credential; returns its uses in the current minute, this one included. */
export function countUse(secretHash: string): number {
  const uses = (unwritten.get(secretHash) ?? 0) + 1;
  unwritten.set(secretHash, uses);
  timer ??= setInterval(() => void writeCredentialUses(), writeEveryMs).unref();
  const row = counted.get(secretHash);
  return (row && row.until > now().getTime() ? row.uses : 0) + uses + (writing.get(secretHash) ?? 0);
}

/** Writes the uses counted so far (as each second does by itself), after any write under way. */
export function writeCredentialUses(): Promise<void> {
  queue = queue.then(writeBatch);
  return queue;
}

async function writeBatch(): Promise<void> {
  if (unwritten.size === 0) return;
  writing = unwritten;
  unwritten = new Map();
  try {
    const rows = await recordUses(writing);
    const at = now().getTime();
    for (const [hash, row] of counted) if (row.until <= at) counted.delete(hash);
    for (const row of rows) counted.set(row.secretHash, { uses: row.uses, until: at + row.msLeft });
  } catch (error) {
    // Kept for the next write: a count lost would let a credential past its rate.
    for (const [hash, uses] of writing) unwritten.set(hash, (unwritten.get(hash) ?? 0) + uses);
    logger.warn({ err: error, credentials: writing.size }, "credential uses not recorded; trying again");
  } finally {
    writing = new Map();
  }
}

/**
 * One statement for the batch: each credential's uses added to its fixed
 * window of a minute (a new window once the row's has passed), returning the
 * row's count and how long its window has left. A revoked or rotated
 * credential's hash finds no credential, and its uses are dropped. Its commit
 * does not wait for the disk (set_config in the statement: it runs in no
 * transaction of ours): a crash may forget a second's counts, never a
 * credential.
 */
async function recordUses(batch: Map<string, number>): Promise<{ secretHash: string; uses: number; msLeft: number }[]> {
  const c = directoryCredentials;
  const u = directoryCredentialUses;
  const fresh = sql`${u.windowStartedAt} <= now() - interval '1 minute'`;
  return db().execute<{ secretHash: string; uses: number; msLeft: number }>(sql`
    with batch as (
      select ${c.customerId}, ${c.kind}, ${c.secretHash}, used.uses::int as uses
      from jsonb_each_text(${jsonParameter(Object.fromEntries(batch))}::jsonb) as used(secret_hash, uses)
      join ${c} on ${c.secretHash} = used.secret_hash
      where (select set_config('synchronous_commit', 'off', true)) = 'off'
    ), written as (
      insert into ${u} (customer_id, kind, last_used_at, window_started_at, window_count)
      select customer_id, kind, now(), now(), uses from batch
      on conflict (customer_id, kind) do update set
        last_used_at = now(),
        window_started_at = case when ${fresh} then now() else ${u.windowStartedAt} end,
        window_count = case when ${fresh} then excluded.window_count else ${u.windowCount} + excluded.window_count end
      returning customer_id, kind, window_count, window_started_at
    )
    select batch.secret_hash as "secretHash", written.window_count as uses,
      (extract(epoch from written.window_started_at + interval '1 minute' - now()) * 1000)::int as "msLeft"
    from written join batch using (customer_id, kind)`);
}
