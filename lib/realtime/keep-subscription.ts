import "server-only";
import { randomBytes } from "node:crypto";
import { now } from "@/lib/clock";
import { loadAppCredentials } from "@/lib/connectors/entra/settings/load-app-credentials";
import { confidentialClient } from "@/lib/entra/confidential-client";
import { graphClient } from "@/lib/entra/graph-client";
import { logger } from "@/lib/logger";
import { seal } from "@/lib/secrets/secret-box";
import { isCustomerSuspended } from "@/lib/suspension/customer-suspended";
import { explainSubscriptionError } from "./explain-subscription-error";
import { notificationUrl } from "./notification-url";
import { noSubscription, getSubscriptionRow, updateSubscriptionRow } from "./subscription-row";
import { createUsersSubscription, deleteSubscription, isGone, renewSubscription } from "./subscriptions-api";

/** Graph keeps a subscription on users at most 41,760 minutes; we ask for an hour less, so our clock may run ahead of Graph's. */
export const SUBSCRIPTION_LIFETIME_MS = (41_760 - 60) * 60_000;
/** Renewed when fewer than three days are left: a failing renewal has days of retries before notifications stop. */
export const RENEW_BEFORE_MS = 3 * 24 * 3600_000;

export type KeepOutcome = "subscribed" | "renewed" | "kept" | "removed" | "off" | "failed";

/**
 * Makes Graph's side match the customer's wish: a subscription while MS AAD is
 * in use, real time is switched on and the portal has a PUBLIC_URL; none
 * otherwise. Creates one (random clientState, sealed), renews it well before
 * it expires, or — `force`, for reauthorizationRequired — renews it now; one
 * Graph no longer knows is created again. A failure is kept in plain words
 * for the screen; one that may pass is thrown so the job is retried.
 *
 * The wish is read again at the end: a switch turned meanwhile queued no job
 * of its own (one keep job per customer at a time, realtime-job.ts), so a
 * changed wish is acted on here, at most twice more.
 */
export async function keepSubscription({ customerId, force = false }: { customerId: string; force?: boolean }): Promise<KeepOutcome> {
  let wish = await readWish(customerId);
  for (let round = 0; ; round++) {
    const outcome = await keepOnce(customerId, wish, force && round === 0);
    const latest = await readWish(customerId);
    if (latest.wanted === wish.wanted || round === 2) return outcome;
    wish = latest;
  }
}

type Wish = Awaited<ReturnType<typeof readWish>>;

async function readWish(customerId: string) {
  const row = await getSubscriptionRow({ customerId });
  const url = notificationUrl();
  const { settings, credentials } = await loadAppCredentials({ customerId }).catch(() => ({ settings: null, credentials: null }));
  const wanted = Boolean(settings?.enabled && (row?.enabled ?? true) && url && !(await isCustomerSuspended(customerId)));
  return { row, url, credentials, wanted };
}

async function keepOnce(customerId: string, { row, url, credentials, wanted }: Wish, force: boolean): Promise<KeepOutcome> {
  const client = credentials
    ? graphClient(confidentialClient(credentials), { clientId: credentials.clientId, tenantId: credentials.tenantId, tenantUsers: null })
    : null;

  if (!wanted || !client || !url) {
    if (!row?.subscriptionId) return "off";
    if (client) await deleteSubscription(client, row.subscriptionId).catch((error) => (isGone(error) ? undefined : Promise.reject(error)));
    await updateSubscriptionRow(customerId, noSubscription);
    return "removed";
  }

  try {
    if (row?.subscriptionId && row.expiresAt) {
      if (!force && row.expiresAt.getTime() - now().getTime() > RENEW_BEFORE_MS) return "kept";
      try {
        const renewed = await renewSubscription(client, row.subscriptionId, new Date(now().getTime() + SUBSCRIPTION_LIFETIME_MS));
        await updateSubscriptionRow(customerId, { expiresAt: new Date(renewed.expirationDateTime), lastErrorCode: null, lastError: null, lastErrorAt: null });
        return "renewed";
      } catch (error) {
        if (!isGone(error)) throw error;
        logger.info({ customerId }, "graph subscription gone at renewal: creating a new one");
      }
    }
    const clientState = randomBytes(32).toString("base64url");
    const sealed = seal(clientState, customerId);
    const created = await createUsersSubscription(client, {
      notificationUrl: url,
      clientState,
      expiresAt: new Date(now().getTime() + SUBSCRIPTION_LIFETIME_MS),
    });
    await updateSubscriptionRow(customerId, {
      subscriptionId: created.id,
      expiresAt: new Date(created.expirationDateTime),
      clientStateCiphertext: sealed.ciphertext,
      clientStateKeyId: sealed.keyId,
      lastErrorCode: null,
      lastError: null,
      lastErrorAt: null,
    });
    return "subscribed";
  } catch (error) {
    const problem = explainSubscriptionError(error, url);
    logger.warn({ customerId, code: problem.code }, "graph subscription could not be kept");
    await updateSubscriptionRow(customerId, { lastErrorCode: problem.code, lastError: problem.message, lastErrorAt: now() });
    if (problem.retryable) throw error;
    return "failed";
  }
}
