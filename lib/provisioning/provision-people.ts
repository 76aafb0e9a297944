import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningSettings, syncRunChanges, type SyncRun } from "@/db/schema";
import { getCustomer } from "@/lib/customers/get-customer";
import { logger } from "@/lib/logger";
import { readAhead } from "@/lib/sync/read-ahead";
import type { SeenKeySet } from "@/lib/sync/seen-keys";
import { ofCustomer } from "@/lib/tenancy";
import { dropPlan, isExtensionClash, planBatch, provisionAlone, writeBatch, type BatchContext, type BatchPlan } from "./provision-batch";
import { peopleOfRun, peopleOfSimulation, type Person } from "./people";
import type { ProvisioningSource } from "./provisioning-source";
import { RangeCursor } from "./range-cursor";
import { runRecords } from "./records";
import { getProvisioningSettings } from "./settings/get-provisioning-settings";

export type ProvisionInput = {
  run: SyncRun;
  connector: ProvisioningSource;
  round: "full" | "delta";
  simulate: boolean;
  /** The keys a full round saw: only they are current (the others are removed at the run's end). */
  seen: SeenKeySet;
};

/** Users whose people left the provisioning scope: suspended with the run's removals (lib/provisioning/deprovision.ts). */
export type ProvisionOutcome = { leftScope: string[] };

/**
 * Provisioning's first half, after a run has walked its pages and before it is
 * final: every person in scope who is active at the source and has no login
 * gets one — linked to their Entra account (or AD entry), with an extension
 * by the company's rule and the devices it asked for —, logins follow the
 * fields provisioning manages (never one a manager set by hand), and
 * suspended logins of people active again are restored. Nothing is suspended
 * or deleted here: that waits for the run's removals (deprovision.ts), so a
 * failed round or one above the removal threshold takes no one's access.
 *
 * Simulate takes the very same decisions over the people it would leave in
 * the directory, and records them without writing a login.
 */
export async function provisionPeople(input: ProvisionInput): Promise<ProvisionOutcome | null> {
  const { run, connector, simulate } = input;
  const settings = await getProvisioningSettings({ customerId: run.customerId, source: connector.source });
  if (!settings?.enabled) return null;

  const members = settings.scopeGroups.length > 0 && connector.provisioningScope ? await connector.provisioningScope(run, settings.scopeGroups) : null;
  // A new setting (or provisioning just turned on) concerns everyone, not only whom this run changed; so
  // does a group scope, whose members change without the people changing.
  const everyone = settings.fullPassPending || input.round === "full" || members !== null;
  const pendingRemoval = input.round === "delta" ? await removedKeysOfRun(run) : new Set<string>();
  const { slug } = await getCustomer({ customerId: run.customerId });
  const batch: BatchContext = {
    customerId: run.customerId,
    record: runRecords(run),
    connector,
    settings,
    simulate,
    slug,
    range: new RangeCursor(run.customerId, settings),
    inScope: (key) => members === null || members.has(key),
    current: (key) => (input.round === "full" ? input.seen.has(key) : !pendingRemoval.has(key)),
    leftScope: [],
    claimedPortalIds: new Set(),
  };
  const scope = { customerId: run.customerId, connector, runId: run.id, everyone };
  await provisionPipelined(batch, readAhead(simulate ? peopleOfSimulation(scope) : peopleOfRun(scope)));
  if (!simulate && settings.fullPassPending) {
    // Only the settings this pass used: a save made meanwhile asks for another full pass.
    await db()
      .update(provisioningSettings)
      .set({ fullPassPending: false })
      .where(
        and(
          ofCustomer(provisioningSettings, run.customerId),
          eq(provisioningSettings.source, connector.source),
          eq(provisioningSettings.updatedAt, settings.updatedAt),
        ),
      );
  }
  return { leftScope: batch.leftScope };
}

type Planned = { people: Person[]; mark: number | null; plan: BatchPlan };

/**
 * The batches one behind the other: the next thousand people are read and
 * their batch decided while the batch before is written (reads and decisions
 * touch nothing a write does; the portal IDs and range numbers already chosen
 * are carried in memory). A batch whose write the database refused for an
 * extension taken meanwhile is decided again from a fresh read, and so is
 * the one decided behind it, one after the other.
 */
async function provisionPipelined(ctx: BatchContext, batches: AsyncIterable<Person[]>): Promise<void> {
  let writing: { batch: Planned; written: Promise<void> } | undefined;
  /** Waits for the write under way; after a refused one, decides and writes it (and `behind`, planned meanwhile) again. */
  const settle = async (behind?: Planned) => {
    if (!writing) return;
    const { batch, written } = writing;
    writing = undefined;
    try {
      await written;
      return;
    } catch (error) {
      if (!isExtensionClash(error)) throw error;
    }
    logger.info("a batch's extension was taken while it was written; deciding it and the batch behind it again");
    for (const planned of [batch, behind]) if (planned) dropPlan(ctx, planned.plan);
    ctx.range.rewind(batch.mark);
    for (const planned of [batch, behind]) if (planned) await provisionAlone(ctx, planned.people);
    return "redone" as const;
  };
  try {
    for await (const people of batches) {
      const mark = ctx.range.mark();
      const batch = { people, mark, plan: await planBatch(ctx, people) };
      if ((await settle(batch)) === "redone") continue;
      const written = writeBatch(ctx, batch.plan);
      // Awaited by settle; until then a failure must not count as unhandled.
      written.catch(() => undefined);
      writing = { batch, written };
    }
    await settle();
  } finally {
    // Whatever ends the pass, no write of it may still be running when the run records its outcome.
    await writing?.written.catch(() => undefined);
  }
}

/** The keys a delta run found removed: they are current no more, though the directory still lists them until the run ends. */
async function removedKeysOfRun(run: SyncRun): Promise<Set<string>> {
  const rows = await db()
    .select({ key: syncRunChanges.objectId })
    .from(syncRunChanges)
    .where(and(ofCustomer(syncRunChanges, run.customerId), eq(syncRunChanges.runId, run.id), eq(syncRunChanges.kind, "removed")));
  return new Set(rows.map((r) => r.key));
}
