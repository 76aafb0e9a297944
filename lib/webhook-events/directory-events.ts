import { sql, type SQL } from "drizzle-orm";
import type { ProvisioningAction, ProvisioningDetail, SyncChangeKind } from "@/db/schema";
import type { WebhookEventType } from "./event-types";
import type { WebhookEvent } from "./webhook-event";

/**
 * What directory entries and provisioned users send, however the change came:
 * a sync run's events are built in the database (run-events.ts, from these
 * maps), SCIM's here, one request at a time — the same types, order keys and
 * data either way.
 */

/** The event of each kind of change (lib/sync/plan-page.ts's changeKind): enabled again is a restore too. */
export const entryEventOfKind: Record<SyncChangeKind, WebhookEventType> = {
  created: "directory.entry.created",
  updated: "directory.entry.updated",
  disabled: "directory.entry.disabled",
  removed: "directory.entry.removed",
  restored: "directory.entry.restored",
  enabled: "directory.entry.restored",
};

/** The event of each provisioning action that has one (lib/provisioning/records.ts); the others are provisioning's own bookkeeping. */
export const userEventOfAction: Partial<Record<ProvisioningAction, WebhookEventType>> = {
  created: "user.provisioned",
  suspended: "user.suspended",
  restored: "user.restored",
  deleted: "user.deleted",
};

/** One of these maps as a SQL `case` over a column; null for what has no event. */
export function sqlCaseOf(value: SQL, map: Partial<Record<string, string>>): SQL {
  const whens = Object.entries(map).map(([from, to]) => sql`when ${from} then ${to}`);
  return sql`(case ${value} ${sql.join(whens, sql` `)} end)`;
}

/** Who changed the entry: the connector of a sync run, or SCIM (which has no runs). */
type Origin = { source: string; runId: string | null };

export const entryOrderKey = (objectId: string) => `entry:${objectId}`;

/** An entry created, with the values it was created with. */
export function entryCreatedEvent(origin: Origin, entry: { objectId: string; displayName: string; fields: Record<string, unknown> }): WebhookEvent {
  return {
    type: entryEventOfKind.created,
    orderKey: entryOrderKey(entry.objectId),
    data: { objectId: entry.objectId, source: origin.source, runId: origin.runId, displayName: entry.displayName, fields: entry.fields },
  };
}

/** An entry changed (updated, disabled, removed, restored), with each changed field as [old, new]. */
export function entryChangedEvent(
  origin: Origin,
  change: { objectId: string; displayName: string; kind: SyncChangeKind; changes: Record<string, [unknown, unknown]> },
): WebhookEvent {
  return {
    type: entryEventOfKind[change.kind],
    orderKey: entryOrderKey(change.objectId),
    data: { objectId: change.objectId, source: origin.source, runId: origin.runId, displayName: change.displayName, changes: change.changes },
  };
}

/**
 * What provisioning did to a person's login, if it has an event: the login's
 * portal ID, extension and changed fields, never its devices' credentials
 * (provisioning's detail carries none, and only these parts of it are sent).
 */
export function userEvent(
  origin: Origin,
  record: { accountId: string | null; entryId: string | null; displayName: string; action: ProvisioningAction; detail: ProvisioningDetail },
): WebhookEvent | null {
  const type = userEventOfAction[record.action];
  if (!type) return null;
  return {
    type,
    orderKey: `user:${record.accountId ?? record.entryId}`,
    data: {
      accountId: record.accountId,
      directoryEntryId: record.entryId,
      source: origin.source,
      runId: origin.runId,
      displayName: record.displayName,
      portalId: record.detail.portalId ?? null,
      extension: record.detail.extension ?? null,
      changes: record.detail.fields ?? null,
    },
  };
}
