import "server-only";
import type { DirectoryEntry } from "@/db/schema";
import type { NewRecord } from "@/lib/provisioning/records";
import { changeKind, fieldChanges } from "@/lib/sync/plan-page";
import { entryChangedEvent, entryCreatedEvent, userEvent } from "@/lib/webhook-events/directory-events";
import type { WebhookEvent } from "@/lib/webhook-events/webhook-event";
import { scimOnlyFields } from "./user-mapping";

const scim = { source: "scim", runId: null };

/**
 * The webhook events of one SCIM write, as a sync sends for the same change
 * (lib/webhook-events/directory-events.ts): the entry created with its
 * values, or changed with each field that differs (the sync's own diff, with
 * SCIM's further columns) — disabled, restored or removed when the status
 * says so — then what provisioning did to the person's login. A write that
 * changed nothing sends nothing. The entry's ID is its object ID: SCIM's
 * people have no source key of ours. Nothing of the resource as sent goes
 * out (it may carry a password); only the directory's columns.
 */
export function scimUserEvents(before: DirectoryEntry | null, after: DirectoryEntry, provisioned: readonly NewRecord[]): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  const changes = fieldChanges(before, after, scimOnlyFields);
  const entry = { objectId: after.id, displayName: after.displayName };
  if (!before) {
    events.push(entryCreatedEvent(scim, { ...entry, fields: Object.fromEntries(Object.entries(changes).map(([field, [, value]]) => [field, value])) }));
  } else if (Object.keys(changes).length > 0) {
    events.push(entryChangedEvent(scim, { ...entry, kind: changeKind(before.status, after.status), changes }));
  }
  for (const r of provisioned) {
    const event = userEvent(scim, {
      accountId: r.accountId ?? null,
      entryId: r.person.entryId,
      displayName: r.person.displayName,
      action: r.action,
      detail: r.detail,
    });
    if (event) events.push(event);
  }
  return events;
}
