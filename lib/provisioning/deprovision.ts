import "server-only";
import { sql } from "drizzle-orm";
import { accounts, devices, directoryEntries, syncRunChanges, type DirectorySource } from "@/db/schema";
import { now } from "@/lib/clock";
import type { ProvisioningSource, ProvisioningWriter } from "./provisioning-source";
import { column, uuidArray } from "@/db/sql-names";
import type { NewRecord, RecordWriter } from "./records";
import { getProvisioningSettings } from "./settings/get-provisioning-settings";

const day = 24 * 60 * 60 * 1000;

/**
 * Provisioning's second half, in the transaction that applies a run's
 * removals (or a manager's confirmation of them), so it happens exactly when
 * they do — never after a failed round, never for one held above the removal
 * threshold. A person disabled at the source has their login suspended; one
 * removed at the source (or gone from the provisioning scope) is suspended at
 * once and deleted after the grace period. A suspension ends the login's
 * sessions and disables its devices. Logins whose grace period is over are
 * deleted, which releases their extension. Simulate records the same and
 * changes nothing.
 */
export async function deprovision(tx: ProvisioningWriter, input: DeprovisionInput): Promise<void> {
  const settings = await getProvisioningSettings({ customerId: input.customerId, source: input.connector.source }, tx);
  if (!settings?.enabled) return;
  const at = now();
  const deleteAfter = new Date(at.getTime() + settings.graceDays * day);
  const suspended = await suspend(tx, { ...input, at, deleteAfter });
  const deleted = await deleteExpired(tx, { ...input, source: input.connector.source, at });
  await input.record(tx, [...suspended, ...deleted]);
}

export type DeprovisionInput = {
  customerId: string;
  connector: ProvisioningSource;
  /** The run whose changes a Simulate lays over the directory; null outside a run (SCIM). */
  runId: string | null;
  simulate: boolean;
  leftScope: readonly string[];
  /** Only these entries' logins (a SCIM request's person); every login of the source when left out. */
  entryIds?: readonly string[];
  record: RecordWriter;
};

const messages = {
  disabled_at_source: "Disabled at the source: suspended, devices disabled.",
  removed_at_source: "Removed at the source: suspended, devices disabled; deleted after the grace period.",
  left_scope: "No longer in the provisioning scope: suspended, devices disabled; deleted after the grace period.",
} as const;

async function suspend(tx: ProvisioningWriter, input: DeprovisionInput & { at: Date; deleteAfter: Date }): Promise<NewRecord[]> {
  const a = accounts;
  const d = directoryEntries;
  const c = syncRunChanges;
  const leftScope = uuidArray(input.leftScope);
  const onlyEntries = input.entryIds ? sql`and d.${column(d.id)} = any(${uuidArray(input.entryIds)})` : sql``;
  // A Simulate wrote no entry: the status its changes would leave is the one that counts.
  const rows = await tx.execute<{ entry_id: string; id: string; display_name: string; was: string | null; reason: keyof typeof messages }>(sql`
    with target as (
      select ${a.id} as id, d.${column(d.id)} as entry_id, d.${column(d.displayName)} as display_name, ${a.suspendedReason} as was,
        case
          when coalesce(ch.status, d.${column(d.status)}::text) = 'removed' then 'removed_at_source'
          when ${a.id} = any(${leftScope}) then 'left_scope'
          else 'disabled_at_source'
        end::account_suspension_reason as reason
      from ${a}
      join ${d} d on d.${column(d.id)} = ${a.directoryEntryId} and d.${column(d.customerId)} = ${input.customerId} and d.${column(d.source)} = ${input.connector.source} ${onlyEntries}
      left join lateral (
        select ${c.fields} -> 'status' ->> 1 as status from ${c}
        where ${c.runId} = ${input.runId}::uuid and ${c.objectId} = d.${column(input.connector.keyColumn)} and ${c.fields} ? 'status'
        order by ${c.id} desc limit 1
      ) ch on ${input.simulate}::boolean
      where ${a.customerId} = ${input.customerId} and ${a.role} = 'user'
        and (coalesce(ch.status, d.${column(d.status)}::text) in ('removed', 'disabled') or ${a.id} = any(${leftScope}))
    ),
    changing as (select * from target where was is distinct from reason),
    suspended as (
      update ${a} set
        ${column(a.suspendedAt)} = coalesce(${a.suspendedAt}, ${input.at.toISOString()}::timestamptz),
        ${column(a.suspendedReason)} = changing.reason,
        ${column(a.deleteAfter)} = case when changing.reason = 'disabled_at_source' then null else coalesce(${a.deleteAfter}, ${input.deleteAfter.toISOString()}::timestamptz) end,
        -- A suspension ends every session at once, not at the token's expiry.
        ${column(a.sessionVersion)} = ${a.sessionVersion} + case when ${a.suspendedAt} is null then 1 else 0 end,
        ${column(a.updatedAt)} = ${input.at.toISOString()}::timestamptz
      from changing where ${a.id} = changing.id and not ${input.simulate}::boolean
      returning 1
    ),
    devices_off as (
      update ${devices} set ${column(devices.status)} = 'disabled', ${column(devices.disabledWithOwner)} = true, ${column(devices.updatedAt)} = ${input.at.toISOString()}::timestamptz
      where ${devices.accountId} in (select id from changing) and ${devices.status} = 'active' and not ${input.simulate}::boolean
      returning 1
    )
    select entry_id, id, display_name, was, reason from changing
    where (select count(*) from suspended) >= 0 and (select count(*) from devices_off) >= 0`);
  return [...rows].map((row) => ({
    person: { entryId: row.entry_id, displayName: row.display_name },
    accountId: row.id,
    action: row.was === null || row.reason === "disabled_at_source" ? "suspended" : "scheduled_deletion",
    detail: { message: messages[row.reason], ...(row.reason === "disabled_at_source" ? {} : { deleteAfter: input.deleteAfter.toISOString() }) },
  }));
}

/** Logins whose grace period is over are deleted: their devices go with them, and their extension returns to the pool. */
async function deleteExpired(
  tx: ProvisioningWriter,
  input: { customerId: string; source: DirectorySource; simulate: boolean; at: Date },
): Promise<NewRecord[]> {
  const a = accounts;
  const d = directoryEntries;
  const rows = await tx.execute<{ id: string; extension: string | null; entry_id: string; name: string }>(sql`
    with expired as (
      select ${a.id} as id, ${a.extension} as extension, ${a.directoryEntryId} as entry_id, ${a.name} as name from ${a}
      where ${a.customerId} = ${input.customerId} and ${a.role} = 'user' and ${a.deleteAfter} <= ${input.at.toISOString()}::timestamptz
        and exists (select 1 from ${d} where ${d.id} = ${a.directoryEntryId} and ${d.source} = ${input.source})
    ),
    gone as (delete from ${a} where ${a.id} in (select id from expired) and not ${input.simulate}::boolean returning 1)
    select id, extension, entry_id, name from expired
    where (select count(*) from gone) >= 0`);
  return [...rows].map((row) => ({
    person: { entryId: row.entry_id, displayName: row.name },
    accountId: row.id,
    action: "deleted",
    detail: {
      extension: row.extension,
      message: row.extension === null ? "Grace period over: deleted." : `Grace period over: deleted; extension ${row.extension} released.`,
    },
  }));
}
