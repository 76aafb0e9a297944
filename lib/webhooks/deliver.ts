import "server-only";
import { DelayedError, type Job } from "bullmq";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { DeliverPayload } from "@/lib/jobs/webhook-jobs";
import { open } from "@/lib/secrets/secret-box";
import { ofCustomer } from "@/lib/tenancy";
import { resolveEndpoint } from "./check-endpoint-address";
import { postWebhook, type ReceiverAnswer } from "./post-webhook";
import { signWebhook } from "./sign-webhook";

/** A delivery that did not reach a 2xx: BullMQ retries it with backoff. Its message is what the log shows. */
export class DeliveryFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DeliveryFailed";
  }
}

const d = webhookDeliveries;
const ep = webhookEndpoints;

/**
 * One attempt at one delivery. An entry's events go out in order: while an
 * earlier delivery about the same entry to the same endpoint is still
 * pending (retrying), this one waits, without counting an attempt. The
 * address is checked again now (DNS can change since the endpoint was saved).
 */
export async function deliverOnce(job: Job<DeliverPayload>, token: string | undefined): Promise<void> {
  const { customerId, deliveryId } = job.data;
  const [row] = await db()
    .select({ delivery: d, endpoint: ep })
    .from(d)
    .innerJoin(ep, and(eq(ep.id, d.endpointId), eq(ep.customerId, d.customerId)))
    .where(and(ofCustomer(d, customerId), eq(d.id, deliveryId)))
    .limit(1);
  if (!row || row.delivery.status !== "pending") return; // deleted with its endpoint, or done by an earlier attempt
  const { delivery, endpoint } = row;
  if (!endpoint.enabled) {
    await db().update(d).set({ status: "failed", error: "Not sent: the endpoint is disabled." }).where(eq(d.id, delivery.id));
    return;
  }
  if (delivery.orderKey !== null && (await hasEarlierPending(delivery))) {
    await job.moveToDelayed(Date.now() + Math.max(50, env().WEBHOOK_RETRY_DELAY_MS), token);
    throw new DelayedError();
  }

  const lastAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
  let answer: ReceiverAnswer | undefined;
  let problem: string | null = null;
  try {
    const target = await resolveEndpoint(endpoint.url);
    const body = JSON.stringify(delivery.payload);
    const secret = open({ ciphertext: endpoint.secretCiphertext, keyId: endpoint.secretKeyId }, customerId);
    answer = await postWebhook(target, signWebhook(secret, delivery.messageId, body), body, env().WEBHOOK_TIMEOUT_MS);
    if (answer.statusCode < 200 || answer.statusCode > 299) problem = `The endpoint answered ${answer.statusCode}.`;
  } catch (error) {
    problem = explain(error);
  }
  const delivered = problem === null;
  await db()
    .update(d)
    .set({
      status: delivered ? "delivered" : lastAttempt ? "failed" : "pending",
      attempts: sql`${d.attempts} + 1`,
      statusCode: answer?.statusCode ?? null,
      latencyMs: answer?.latencyMs ?? null,
      responseSnippet: answer?.snippet ?? null,
      error: problem,
      lastAttemptAt: new Date(),
    })
    .where(eq(d.id, delivery.id));
  await noteEndpointHealth(endpoint.id, customerId, delivered);
  if (!delivered && !lastAttempt) throw new DeliveryFailed(problem!);
}

async function hasEarlierPending(delivery: typeof d.$inferSelect): Promise<boolean> {
  const [earlier] = await db()
    .select({ id: d.id })
    .from(d)
    .where(and(eq(d.endpointId, delivery.endpointId), eq(d.orderKey, delivery.orderKey!), eq(d.status, "pending"), lt(d.id, delivery.id)))
    .limit(1);
  return earlier !== undefined;
}

/**
 * A success clears the endpoint's failure clock; a failure starts it, and an
 * endpoint that has failed for WEBHOOK_DISABLE_AFTER_MINUTES (a day) without
 * one success is disabled, with the reason for the screen.
 */
async function noteEndpointHealth(endpointId: string, customerId: string, delivered: boolean): Promise<void> {
  const ofEndpoint = and(ofCustomer(ep, customerId), eq(ep.id, endpointId));
  if (delivered) {
    await db()
      .update(ep)
      .set({ failingSince: null })
      .where(and(ofEndpoint, sql`${ep.failingSince} is not null`));
    return;
  }
  const minutes = env().WEBHOOK_DISABLE_AFTER_MINUTES;
  await db()
    .update(ep)
    .set({
      failingSince: sql`coalesce(${ep.failingSince}, now())`,
      enabled: sql`${ep.failingSince} is null or ${ep.failingSince} > now() - make_interval(mins => ${minutes}::int)`,
      disabledReason: sql`case when ${ep.failingSince} is not null and ${ep.failingSince} <= now() - make_interval(mins => ${minutes}::int)
        then ${`Disabled by the portal: every delivery failed for ${describeMinutes(minutes)}. Fix the receiver, then enable the endpoint again.`}
        else ${ep.disabledReason} end`,
    })
    .where(and(ofEndpoint, eq(ep.enabled, true)));
}

const describeMinutes = (minutes: number) => (minutes % 1440 === 0 ? `${minutes / 1440} day${minutes === 1440 ? "" : "s"}` : `${minutes} minutes`);

/** In plain words for the delivery log: never a stack, and nothing of the request (it carries the signature). */
function explain(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const e = error as { name?: string; code?: string };
  if (e?.name === "TimeoutError" || e?.name === "AbortError") return `No answer within ${env().WEBHOOK_TIMEOUT_MS / 1000} s.`;
  if (e?.code === "ECONNREFUSED") return "The connection was refused.";
  if (e?.code === "ECONNRESET") return "The connection was reset.";
  if (typeof e?.code === "string" && (e.code.startsWith("ERR_TLS") || e.code.includes("CERT"))) return "The endpoint's TLS certificate was not accepted.";
  return "The endpoint could not be reached.";
}
