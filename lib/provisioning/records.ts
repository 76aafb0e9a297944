import "server-only";
import { provisioningRecords, type ProvisioningAction, type ProvisioningDetail, type SyncRun } from "@/db/schema";
import type { db } from "@/db/client";
import type { Person } from "./people";

export type NewRecord = { person: Pick<Person, "entryId" | "displayName">; accountId?: string; action: ProvisioningAction; detail: ProvisioningDetail };

/** Writes what provisioning did (or a Simulate would do) to the run's history, a thousand rows a statement. */
export async function writeRecords(tx: Pick<ReturnType<typeof db>, "insert">, run: SyncRun, records: NewRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1_000) {
    await tx.insert(provisioningRecords).values(
      records.slice(i, i + 1_000).map((r) => ({
        runId: run.id,
        customerId: run.customerId,
        directoryEntryId: r.person.entryId,
        accountId: r.accountId ?? null,
        displayName: r.person.displayName,
        action: r.action,
        detail: r.detail,
      })),
    );
  }
}
