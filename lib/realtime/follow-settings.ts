import "server-only";
import { logger } from "@/lib/logger";
import { notificationUrl } from "./notification-url";
import { enqueueKeepSubscription } from "./realtime-job";

/**
 * After the MS AAD settings or the real-time switch change, real time follows
 * at once (subscribe on Use, unsubscribe on Not use or Off) rather than at the
 * next periodic pass. A queue that cannot be reached fails nothing: the pass catches up.
 */
export async function followRealTimeSettings(customerId: string): Promise<void> {
  if (!notificationUrl()) return;
  await enqueueKeepSubscription(customerId).catch((error) =>
    logger.warn({ customerId, err: { name: (error as Error)?.name } }, "could not queue the real-time check"),
  );
}
