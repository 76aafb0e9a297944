import "server-only";
import { syncPageWriteSeconds } from "@/lib/metrics/metrics";
import { db } from "@/db/client";
import { hasKeyedEntries, loadExisting, pageWriteStatement, refreshPlannerStatistics, type RunScope } from "./apply-page";
import { noSourceWaits, type HeldPages, type SourceWaits } from "./connector";
import { planPage, type PlanOptions } from "./plan-page";
import { readAhead } from "./read-ahead";
import { startAttempt } from "./run-records";
import { SeenKeys } from "./seen-keys";
import type { SourceEntry } from "./synced-fields";

export type WalkInput = RunScope & {
  options: PlanOptions;
  /** Throttling waits (429, with Graph's Retry-After) and unavailable retries (503, 504, dropped connections) since the last call, counted per page. */
  takeThrottle?: () => SourceWaits;
  /** Told when each page is written, and when the walk is over. */
  held?: HeldPages;
};

export type WalkResult = {
  /** The keys a full round saw (16 bytes each, never the pages themselves). */
  seen: SeenKeys;
  /** No key of this connector was in the directory when the round began (a first sync). */
  startedEmpty: boolean;
};

/** Page writes under way at once (on a connection each); 3 measured faster than 2 or 4 on 2 cores (bench/sync). */
const writesInFlight = 3;
/** After this many entries written, PostgreSQL's statistics are refreshed rather than left to autovacuum. */
const bulkWrite = 1_000;

/**
 * One attempt's walk through a connector's pages, the same for every
 * connector: each page is looked up, planned and written (one statement, see
 * pageWriteStatement), and the writes run behind the walk — the source serves the next
 * page and the worker plans it while PostgreSQL writes the ones before. What
 * a full round did not see is removed at its end, by finishRun.
 */
export async function walkPages(input: WalkInput, pages: AsyncIterable<SourceEntry[]>): Promise<WalkResult> {
  await startAttempt({ customerId: input.customerId, runId: input.runId, round: input.round, simulate: input.simulate });
  const seen = new SeenKeys();
  // A full round into a directory holding no key of this connector (a first
  // sync) finds nothing to look up but what it wrote itself, which it has seen.
  const startedEmpty = input.round === "full" && !(await hasKeyedEntries({ customerId: input.customerId, connector: input.connector }));
  const writing: Promise<void>[] = [];
  /** Waits for every write under way; the first that failed is thrown once none is running any more. */
  const allWritten = async () => {
    const failed = (await Promise.allSettled(writing.splice(0))).find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
  };
  let written = 0;
  try {
    for await (const entries of readAhead(pages)) {
      const keys = startedEmpty ? entries.map((e) => e.key).filter((key) => seen.has(key)) : entries.map((e) => e.key);
      // Pages are written in any order, but an entry is looked up only once every page before it is in.
      if (keys.length > 0) await allWritten();
      const existing = await loadExisting({ customerId: input.customerId, connector: input.connector, keys });
      // What this run wrote before (an earlier attempt, or the same user delivered twice) is counted once, where it was written.
      const plan = planPage(entries, existing, { ...input.options, runId: input.simulate ? null : input.runId }, input.connector.source);
      if (input.round === "full") for (const key of plan.seen) seen.add(key);
      written += plan.creates.length + plan.updates.length;
      const throttle = input.takeThrottle?.() ?? noSourceWaits;
      while (writing.length >= writesInFlight) await writing.shift();
      const timer = syncPageWriteSeconds.startTimer();
      const statement = pageWriteStatement({ ...input, itemCount: entries.length, throttle, existing }, plan);
      // The statement holds the page as text; its objects are let go now rather than once it is written. A write
      // waits for a connection and then for PostgreSQL, and objects that live that long outlast two scavenges and are
      // copied into V8's old generation, which only a full collection empties: with ten large tenants at once it grew
      // by 40 MB in 2 s (bench:fleet). Emptied, not dropped: this generator's suspended registers, and those of
      // readAhead and the connector, would keep them until their next page (map-and-empty.ts).
      for (const list of [entries, keys, plan.creates, plan.updates, plan.changes, plan.seen]) list.length = 0;
      existing.clear();
      const write = db()
        .execute(statement)
        .then(() => void timer())
        .finally(() => input.held?.release(entries));
      // A failed write is thrown where it is awaited; until then it must not count as unhandled.
      write.catch(() => undefined);
      writing.push(write);
    }
    await allWritten();
  } finally {
    // Whatever ends the walk, none of its writes may still be running when the caller records the outcome.
    await Promise.allSettled(writing);
    input.held?.releaseAll();
  }
  // The next run's lookups (and the directory pages) should not plan with the sizes from before a bulk load.
  if (!input.simulate && written >= bulkWrite) await refreshPlannerStatistics(input.connector);
  return { seen, startedEmpty };
}
