import "server-only";
import { and, count, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { directoryEntries, directorySourceEnum, syncRunChanges, syncRuns } from "@/db/schema";
import { ofCustomer } from "@/lib/tenancy";
import type { Connector, SyncWriter } from "./connector";
import type { SeenKeySet } from "./seen-keys";
import { column, columns, enumType, jsonParameter } from "@/db/sql-names";
import { oweRunEvents } from "@/lib/webhook-events/owe-run-events";

export type FinishInput = {
  runId: string;
  customerId: string;
  connector: Connector;
  round: "full" | "delta";
  /** The object IDs a full round saw (kept in the worker: 16 bytes each in a table at most three quarters full, 4 MB for 100,000 users). */
  seen: SeenKeySet;
  /** The round began with none of the connector's keys in the directory: it wrote every entry there is, and saw them all. */
  startedEmpty: boolean;
  simulate: boolean;
  /** The connector's position to continue from next time (Entra's delta link); connectors that always read everything have none. */
  position: string | null;
  removalThresholdPercent: number;
  /** Provisioned users whose people left the provisioning scope: suspended with the removals. */
  leftScope?: readonly string[];
  /** How the connector read the round (lib/sync/connector.ts's RoundPages.readAs). */
  readAs?: string | null;
};

/**
 * Ends a run that walked its whole round. Only now are removals decided: a
 * full round removes what it did not see, a delta round what the source
 * reported removed. Above the threshold nothing is removed until a manager
 * confirms. The connector's position is saved only here, with the removals,
 * never by Simulate; provisioning's suspensions and deletions go with the
 * removals, in the same transaction. The run's webhook events are owed from
 * the same statement that ends it (announced by the caller, swept if lost).
 */
export async function finishRun(input: FinishInput): Promise<"succeeded" | "needs_confirmation"> {
  const { source, keyColumn } = input.connector;
  const d = directoryEntries;
  const c = syncRunChanges;
  return db().transaction(async (tx) => {
    if (input.round === "full" && !input.startedEmpty) {
      // All the seen IDs go as one parameter, and EXCEPT compares the two sets
      // by hashing or sorting: the planner cannot count a JSON array's
      // elements, and with NOT EXISTS it chose a scan of the array per entry.
      await tx.execute(sql`
        with gone as (
          select ${keyColumn} as key from ${d}
          where ${d.customerId} = ${input.customerId} and ${d.source} = ${source}::${enumType(directorySourceEnum)} and ${d.status} <> 'removed'
          except select id::uuid from json_array_elements_text(${jsonParameter([...input.seen])}::json) as seen(id)
          except select ${c.objectId} from ${c} where ${c.runId} = ${input.runId} and ${c.kind} = 'removed'
        )
        insert into ${c} (${columns([c.runId, c.customerId, c.objectId, c.displayName, c.kind, c.fields])})
        select ${input.runId}, d.${column(d.customerId)}, gone.key, d.${column(d.displayName)}, 'removed', jsonb_build_object('status', jsonb_build_array(d.${column(d.status)}, 'removed'))
        from gone join ${d} d on d.${column(d.customerId)} = ${input.customerId} and d.${column(keyColumn)} = gone.key and d.${column(keyColumn)} is not null`);
    }
    const removals = tx
      .select({ id: syncRunChanges.objectId })
      .from(syncRunChanges)
      .where(and(ofCustomer(syncRunChanges, input.customerId), eq(syncRunChanges.runId, input.runId), eq(syncRunChanges.kind, "removed")));
    const [pending] = await tx.select({ n: count() }).from(removals.as("r"));
    const toRemove = pending?.n ?? 0;
    const finishedAt = new Date();
    const ofRun = and(ofCustomer(syncRuns, input.customerId), eq(syncRuns.id, input.runId));

    const deprovisioning = { runId: input.runId, customerId: input.customerId, leftScope: input.leftScope ?? [] };
    if (input.simulate) {
      await input.connector.provisioning?.withRemovals(tx, { ...deprovisioning, simulate: true });
      await tx
        .update(syncRuns)
        .set({ status: "succeeded", removed: toRemove, pendingRemovals: 0, finishedAt, readAs: input.readAs ?? null })
        .where(ofRun);
      return "succeeded";
    }
    if (toRemove > 0 && (await exceedsThreshold(tx, { ...input, toRemove }))) {
      await tx
        .update(syncRuns)
        .set({
          status: "needs_confirmation",
          pendingRemovals: toRemove,
          deltaLink: input.position,
          finishedAt,
          readAs: input.readAs ?? null,
          webhookEventsOwed: oweRunEvents(input.customerId, "needs_confirmation"),
        })
        .where(ofRun);
      return "needs_confirmation";
    }
    await applyRemovals(tx, { runId: input.runId, customerId: input.customerId, connector: input.connector });
    await input.connector.provisioning?.withRemovals(tx, { ...deprovisioning, simulate: false });
    await tx
      .update(syncRuns)
      .set({
        status: "succeeded",
        removed: toRemove,
        pendingRemovals: 0,
        deltaLink: input.position,
        finishedAt,
        readAs: input.readAs ?? null,
        webhookEventsOwed: oweRunEvents(input.customerId, "succeeded"),
      })
      .where(ofRun);
    if (input.position) await input.connector.savePosition(tx, { customerId: input.customerId, position: input.position, at: finishedAt });
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
  { customerId, connector, toRemove, removalThresholdPercent }: { customerId: string; connector: Connector; toRemove: number; removalThresholdPercent: number },
): Promise<boolean> {
  const { source, keyColumn } = connector;
  const d = directoryEntries;
  const enough = Math.ceil((toRemove * 100) / removalThresholdPercent);
  const [row] = await tx.execute<{ n: number }>(sql`
    select count(*)::int as n from (
      select 1 from ${d}
      where ${d.customerId} = ${customerId} and ${keyColumn} is not null and ${d.source} = ${source}::${enumType(directorySourceEnum)} and ${d.status} <> 'removed'
      order by ${d.customerId}, ${keyColumn} limit ${enough}
    ) counted`);
  return toRemove * 100 > removalThresholdPercent * (row?.n ?? 0);
}

/** Marks the entries a run found removed as removed — kept, not deleted, so a restore brings them back. */
export async function applyRemovals(
  tx: SyncWriter,
  { runId, customerId, connector }: { runId: string; customerId: string; connector: Connector },
): Promise<void> {
  const { source, keyColumn } = connector;
  const ids = tx
    .select({ id: syncRunChanges.objectId })
    .from(syncRunChanges)
    .where(and(ofCustomer(syncRunChanges, customerId), eq(syncRunChanges.runId, runId), eq(syncRunChanges.kind, "removed")));
  await tx
    .update(directoryEntries)
    .set({ status: "removed", updatedAt: new Date() })
    .where(and(ofCustomer(directoryEntries, customerId), eq(directoryEntries.source, source), isNotNull(keyColumn), inArray(keyColumn, ids)));
}
