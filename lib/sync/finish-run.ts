import "server-only";
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, entraSettings, syncRunChanges, syncRuns, type SyncConnector } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import { connectorKeys } from "./connector-keys";

export type FinishInput = {
  runId: string;
  customerId: string;
  connector: SyncConnector;
  round: "full" | "delta";
  /** The object IDs a full round saw (kept in the worker: IDs only, a few MB for 100,000 users). */
  seen: ReadonlySet<string>;
  /** The round began with none of the connector's keys in the directory: it wrote every entry there is, and saw them all. */
  startedEmpty: boolean;
  simulate: boolean;
  /** Graph's position to continue from next time; connectors that always read everything have none. */
  deltaLink: string | null;
  removalThresholdPercent: number;
};

/**
 * Ends a run that walked its whole round. Only now are removals decided: a
 * full round removes what it did not see, a delta round what Graph reported
 * removed. Above the threshold nothing is removed until a manager confirms.
 * The delta link is saved only here, with the removals, never by Simulate.
 */
export async function finishRun(input: FinishInput): Promise<"succeeded" | "needs_confirmation"> {
  const { source, keyColumnName } = connectorKeys[input.connector];
  return db().transaction(async (tx) => {
    if (input.round === "full" && !input.startedEmpty) {
      // All the seen IDs go as one parameter, and EXCEPT compares the two sets
      // by hashing or sorting: the planner cannot count a JSON array's
      // elements, and with NOT EXISTS it chose a scan of the array per entry.
      await tx.execute(sql`
        with gone as (
          select ${sql.raw(keyColumnName)} as key from directory_entries
          where customer_id = ${input.customerId} and source = ${source}::directory_source and status <> 'removed'
          except select id::uuid from json_array_elements_text(${JSON.stringify([...input.seen])}::json) as seen(id)
          except select object_id from sync_run_changes where run_id = ${input.runId} and kind = 'removed'
        )
        insert into sync_run_changes (run_id, customer_id, object_id, display_name, kind, fields)
        select ${input.runId}, d.customer_id, gone.key, d.display_name, 'removed', jsonb_build_object('status', jsonb_build_array(d.status, 'removed'))
        from gone join directory_entries d on d.customer_id = ${input.customerId} and d.${sql.raw(keyColumnName)} = gone.key and d.${sql.raw(keyColumnName)} is not null`);
    }
    const removals = tx
      .select({ id: syncRunChanges.objectId })
      .from(syncRunChanges)
      .where(and(eq(syncRunChanges.runId, input.runId), eq(syncRunChanges.kind, "removed")));
    const [pending] = await tx.select({ n: count() }).from(removals.as("r"));
    const toRemove = pending?.n ?? 0;
    const finishedAt = new Date();

    if (input.simulate) {
      await tx.update(syncRuns).set({ status: "succeeded", removed: toRemove, pendingRemovals: 0, finishedAt }).where(eq(syncRuns.id, input.runId));
      return "succeeded";
    }
    if (toRemove > 0 && (await exceedsThreshold(tx, { ...input, toRemove }))) {
      await tx
        .update(syncRuns)
        .set({ status: "needs_confirmation", pendingRemovals: toRemove, deltaLink: input.deltaLink, finishedAt })
        .where(eq(syncRuns.id, input.runId));
      return "needs_confirmation";
    }
    await applyRemovals(tx, { runId: input.runId, customerId: input.customerId, connector: input.connector });
    await tx.update(syncRuns).set({ status: "succeeded", removed: toRemove, pendingRemovals: 0, deltaLink: input.deltaLink, finishedAt }).where(eq(syncRuns.id, input.runId));
    if (input.deltaLink) {
      await tx.update(entraSettings).set({ deltaLink: input.deltaLink, deltaLinkAt: finishedAt }).where(eq(entraSettings.customerId, input.customerId));
    }
    return "succeeded";
  });
}

/**
 * Whether removing `toRemove` entries takes more than the threshold of the
 * connector's entries. The entries are counted only as far as the answer
 * needs (a hundred for 20 removals at 20 %), not through the whole directory,
 * and in the order of the connector's key index: PostgreSQL then walks this
 * customer's part of that index and stops, where a plain LIMIT let it scan the
 * table from the start, through other customers' entries (37 ms at 100,000).
 */
async function exceedsThreshold(
  tx: Pick<ReturnType<typeof db>, "execute">,
  { customerId, connector, toRemove, removalThresholdPercent }: { customerId: string; connector: SyncConnector; toRemove: number; removalThresholdPercent: number },
): Promise<boolean> {
  const { source, keyColumnName } = connectorKeys[connector];
  const key = sql.raw(keyColumnName);
  const enough = Math.ceil((toRemove * 100) / removalThresholdPercent);
  const [row] = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from directory_entries
      where customer_id = ${customerId} and ${key} is not null and source = ${source}::directory_source and status <> 'removed'
      order by customer_id, ${key} limit ${enough}
    ) counted`);
  return toRemove * 100 > removalThresholdPercent * (row?.n ?? 0);
}

/** Marks the entries a run found removed as removed — kept, not deleted, so a restore brings them back. */
export async function applyRemovals(
  tx: Pick<ReturnType<typeof db>, "update" | "select">,
  { runId, customerId, connector }: { runId: string; customerId: string; connector: SyncConnector },
): Promise<void> {
  const { source, keyColumn } = connectorKeys[connector];
  const ids = tx
    .select({ id: syncRunChanges.objectId })
    .from(syncRunChanges)
    .where(and(eq(syncRunChanges.runId, runId), eq(syncRunChanges.kind, "removed")));
  await tx
    .update(directoryEntries)
    .set({ status: "removed", updatedAt: new Date() })
    .where(and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.source, source), isNotNull(keyColumn), inArray(keyColumn, ids)));
}
