import "server-only";
import { Webhook } from "standardwebhooks";

/**
 * The Standard Webhooks headers for one attempt: the message ID (the same on
 * every attempt, for the receiver's deduplication), the time of this attempt,
 * and the signature over both and the body, made by the specification's own
 * library so receivers can check it with theirs.
 */
export function signWebhook(secret: string, messageId: string, body: string, at = new Date()): Record<string, string> {
  return {
    "webhook-id": messageId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(messageId, at, body),
  };
}
