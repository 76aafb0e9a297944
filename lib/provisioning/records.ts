import "server-only";
import { auditLog, provisioningRecords, type ProvisioningAction, type ProvisioningDetail, type SyncRun } from "@/db/schema";
import type { db } from "@/db/client";
import { insertJsonRows } from "@/db/insert-json-rows";
import type { Person } from "./people";

export type NewRecord = { person: Pick<Person, "entryId" | "displayName">; accountId?: string; action: ProvisioningAction; detail: ProvisioningDetail };

/** Where what provisioning did is written, in the transaction that did it. */
export type RecordWriter = (tx: Pick<ReturnType<typeof db>, "insert" | "execute">, records: NewRecord[]) => Promise<void>;

/** Into the run's history (or a Simulate's), as one JSON parameter: the run page lists them per person. */
export const runRecords =
  (run: Pick<SyncRun, "id" | "customerId">): RecordWriter =>
  (tx, records) =>
    writeRecords(tx, run, records);

/**
 * Into the company's audit log, for SCIM: Entra pushes one person at a time
 * and there is no run to list them under. The actor is nobody (the SCIM
 * token acts for the company).
 */
export const auditRecords =
  (customerId: string): RecordWriter =>
  async (tx, records) => {
    if (records.length === 0) return;
    await tx.insert(auditLog).values(
      records.map((r) => ({
        customerId,
        actorAccountId: null,
        action: `provisioning.${r.action}`,
        targetType: "account",
        targetId: r.accountId ?? null,
        detail: { name: r.person.displayName, ...r.detail },
      })),
    );
  };

async function writeRecords(tx: Pick<ReturnType<typeof db>, "execute">, run: Pick<SyncRun, "id" | "customerId">, records: NewRecord[]): Promise<void> {
  await insertJsonRows(
    tx,
    provisioningRecords,
    records.map((r) => ({
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
