import "server-only";
import { explainEntraError, type EntraProblem } from "@/lib/entra/explain-entra-error";

/**
 * Why Microsoft would not keep the subscription, in words a manager can act
 * on. Graph checks the notification address when a subscription is made
 * (an answer within 10 seconds); the rest is what any Graph call can meet.
 */
export function explainSubscriptionError(error: unknown, notificationUrl: string): EntraProblem {
  const e = (error ?? {}) as { code?: unknown; message?: unknown };
  const message = typeof e.message === "string" ? e.message : "";
  if (e.code === "ValidationError" && /timed out/i.test(message)) {
    return {
      code: "validation_timeout",
      message: `Microsoft got no answer from ${notificationUrl} within 10 seconds when it checked the notification address, so real time is off. Check that PUBLIC_URL is this portal's address as the internet reaches it, and that nothing in front of the portal holds the request back. The schedule keeps the directory up to date meanwhile.`,
      retryable: false,
    };
  }
  if (e.code === "ValidationError") {
    return {
      code: "validation_failed",
      message: `Microsoft reached ${notificationUrl} but did not get the answer it expects when it checked the notification address, so real time is off. Check that PUBLIC_URL leads to this portal. The schedule keeps the directory up to date meanwhile.`,
      retryable: false,
    };
  }
  return explainEntraError(error);
}
