import "server-only";
import { randomBytes } from "node:crypto";
import { and, asc, eq, getTableColumns } from "drizzle-orm";
import { db } from "@/db/client";
import { webhookEndpoints, type WebhookEndpoint } from "@/db/schema";
import type { CustomerActor } from "@/lib/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { notFound } from "@/lib/errors";
import { seal } from "@/lib/secrets/secret-box";
import { ofCustomer } from "@/lib/tenancy";
import { resolveEndpoint } from "./check-endpoint-address";
import type { EndpointInput } from "./endpoint-input";

/** What the screen shows of an endpoint: never its secret. */
export type EndpointSummary = Omit<WebhookEndpoint, "secretCiphertext" | "secretKeyId">;

const { secretCiphertext, secretKeyId, ...shown } = getTableColumns(webhookEndpoints);
const byId = (customerId: string, id: string) => and(ofCustomer(webhookEndpoints, customerId), eq(webhookEndpoints.id, id));

/** A Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64, as the specification's libraries expect. */
function newSecret(customerId: string) {
  const secret = `whsec_${randomBytes(24).toString("base64")}`;
  const sealed = seal(secret, customerId);
  return { secret, columns: { secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId, secretHint: secret.slice(-4), secretUpdatedAt: new Date() } };
}

export async function listEndpoints({ customerId }: { customerId: string }): Promise<EndpointSummary[]> {
  return db().select(shown).from(webhookEndpoints).where(ofCustomer(webhookEndpoints, customerId)).orderBy(asc(webhookEndpoints.createdAt));
}

export async function getEndpoint({ customerId, id }: { customerId: string; id: string }): Promise<EndpointSummary> {
  const [endpoint] = await db().select(shown).from(webhookEndpoints).where(byId(customerId, id)).limit(1);
  if (!endpoint) throw notFound("The endpoint");
  return endpoint;
}

/** A new endpoint, and its signing secret: returned this once. */
export async function createEndpoint(actor: CustomerActor, input: EndpointInput): Promise<{ id: string; secret: string }> {
  await resolveEndpoint(input.url);
  const { secret, columns } = newSecret(actor.customerId);
  return db().transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ customerId: actor.customerId, url: input.url, description: input.description, eventTypes: input.eventTypes, ...columns })
      .returning({ id: webhookEndpoints.id });
    await recordAudit(tx, actor, { action: "webhook_endpoint.create", targetType: "webhook_endpoint", targetId: row!.id, detail: { url: input.url } });
    return { id: row!.id, secret };
  });
}

/** Saves the address, events and whether it is enabled; enabling again clears the portal's note and the failure clock. */
export async function updateEndpoint(actor: CustomerActor, { id, enabled, ...input }: EndpointInput & { id: string; enabled: boolean }): Promise<void> {
  await getEndpoint({ customerId: actor.customerId, id });
  await resolveEndpoint(input.url);
  await db().transaction(async (tx) => {
    const updated = await tx
      .update(webhookEndpoints)
      .set({ ...input, enabled, ...(enabled ? { disabledReason: null, failingSince: null } : {}), updatedAt: new Date() })
      .where(byId(actor.customerId, id))
      .returning({ id: webhookEndpoints.id });
    if (updated.length === 0) throw notFound("The endpoint");
    await recordAudit(tx, actor, { action: "webhook_endpoint.update", targetType: "webhook_endpoint", targetId: id, detail: { url: input.url, enabled } });
  });
}

export async function deleteEndpoint(actor: CustomerActor, { id }: { id: string }): Promise<void> {
  await db().transaction(async (tx) => {
    const deleted = await tx.delete(webhookEndpoints).where(byId(actor.customerId, id)).returning({ url: webhookEndpoints.url });
    if (deleted.length === 0) throw notFound("The endpoint");
    await recordAudit(tx, actor, { action: "webhook_endpoint.delete", targetType: "webhook_endpoint", targetId: id, detail: { url: deleted[0]!.url } });
  });
}

/** A new signing secret in place of the old, which stops signing at once: returned this once. */
export async function rotateEndpointSecret(actor: CustomerActor, { id }: { id: string }): Promise<string> {
  const { secret, columns } = newSecret(actor.customerId);
  return db().transaction(async (tx) => {
    const [previous] = await tx.select({ hint: webhookEndpoints.secretHint }).from(webhookEndpoints).where(byId(actor.customerId, id)).for("update");
    if (!previous) throw notFound("The endpoint");
    await tx.update(webhookEndpoints).set(columns).where(byId(actor.customerId, id));
    await recordAudit(tx, actor, {
      action: "webhook_endpoint.rotate_secret",
      targetType: "webhook_endpoint",
      targetId: id,
      detail: { replaced: `…${previous.hint}` },
    });
    return secret;
  });
}
