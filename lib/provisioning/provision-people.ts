import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { provisioningSettings, syncRunChanges, type SyncRun } from "@/db/schema";
import { getCustomer } from "@/lib/customers/get-customer";
import { ofCustomer } from "@/lib/tenancy";
import { provisionBatch, withFreshExtensions, type BatchContext } from "./provision-batch";
import { peopleOfRun, peopleOfSimulation } from "./people";
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
  seen: ReadonlySet<string>;
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
  };
  const scope = { customerId: run.customerId, connector, runId: run.id, everyone };
  for await (const people of simulate ? peopleOfSimulation(scope) : peopleOfRun(scope)) {
    batch.range.startBatch();
    await withFreshExtensions(
      () => provisionBatch(batch, people),
      () => batch.range.retryBatch(),
    );
  }
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

/** The keys a delta run found removed: they are current no more, though the directory still lists them until the run ends. */
async function removedKeysOfRun(run: SyncRun): Promise<Set<string>> {
  const rows = await db()
    .select({ key: syncRunChanges.objectId })
    .from(syncRunChanges)
    .where(and(ofCustomer(syncRunChanges, run.customerId), eq(syncRunChanges.runId, run.id), eq(syncRunChanges.kind, "removed")));
  return new Set(rows.map((r) => r.key));
}
