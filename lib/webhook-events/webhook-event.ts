/**
 * An event on its way out: its type, what it is about, and the data the
 * receiver gets. `orderKey` names the thing it is about (a directory entry,
 * a user) when its events must arrive in the order they happened; the data
 * says what changed, never a secret.
 */
export type WebhookEvent = {
  type: string;
  orderKey: string | null;
  data: Record<string, unknown>;
};
