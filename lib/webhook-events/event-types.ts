/**
 * Every event a webhook endpoint may hear of, with the words the screen uses.
 * The names follow Standard Webhooks' advice: dotted, from the general to the
 * particular, past tense.
 */
export const webhookEventTypes = [
  "directory.entry.created",
  "directory.entry.updated",
  "directory.entry.disabled",
  "directory.entry.removed",
  "directory.entry.restored",
  "sync.run.succeeded",
  "sync.run.failed",
  "sync.run.needs_confirmation",
  "user.provisioned",
  "user.suspended",
  "user.restored",
  "user.deleted",
  "phonebook.credential.created",
  "phonebook.credential.rotated",
  "phonebook.credential.revoked",
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** Sent by the screen's "Send test event" button, to whatever the endpoint listens to. */
export const testEventType = "webhook.test";

export const webhookEventLabels: Record<WebhookEventType, string> = {
  "directory.entry.created": "Directory entry created",
  "directory.entry.updated": "Directory entry updated",
  "directory.entry.disabled": "Directory entry disabled",
  "directory.entry.removed": "Directory entry removed",
  "directory.entry.restored": "Directory entry restored or enabled again",
  "sync.run.succeeded": "Sync run succeeded",
  "sync.run.failed": "Sync run failed",
  "sync.run.needs_confirmation": "Sync run waits for confirmation of removals",
  "user.provisioned": "User provisioned",
  "user.suspended": "User suspended",
  "user.restored": "User restored",
  "user.deleted": "User deleted",
  "phonebook.credential.created": "Phonebook credential created",
  "phonebook.credential.rotated": "Phonebook credential replaced",
  "phonebook.credential.revoked": "Phonebook credential revoked",
};
