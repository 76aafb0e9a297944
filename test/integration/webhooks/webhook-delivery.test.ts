import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges, syncRunCreatedPages, syncRuns, webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { announceRunEnd } from "@/lib/webhook-events/announce-run-end";
import { oweRunEvents } from "@/lib/webhook-events/owe-run-events";
import { emitRunEvents } from "@/lib/webhook-events/run-events";
import { createCredential } from "@/lib/directory-credentials/credentials";
import { seal } from "@/lib/secrets/secret-box";
import { emitWebhookEvents } from "@/lib/webhook-events/emit-events";
import { endpointInput } from "@/lib/webhooks/endpoint-input";
import { createEndpoint, rotateEndpointSecret } from "@/lib/webhooks/endpoints";
import { webhookEventTypes } from "@/lib/webhook-events/event-types";
import { createCustomerWithManager } from "../../support/factories";
import { deliveriesOf, endpointFor, webhookWorkerOfFile } from "../../support/webhook-endpoint";
import { startWebhookReceiver, waitUntil } from "../../support/webhook-receiver";

const allEvents = webhookEventTypes.join(",");
webhookWorkerOfFile();

describe("signed webhooks out", () => {
  it("signs every delivery as Standard Webhooks says, and a rotated secret signs from then on", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(manager, receiver);
      await createCredential(manager, "caller_id");
      await waitUntil(() => receiver.accepted.length === 1);
      expect(receiver.accepted[0]).toMatchObject({ type: "phonebook.credential.created", data: { kind: "caller_id", change: "created" } });
      expect(JSON.stringify(receiver.accepted[0])).not.toMatch(/swb_cid_/); // never the secret

      receiver.setSecret(await rotateEndpointSecret(manager, { id: endpointId }));
      await emitWebhookEvents(manager.customerId, [{ type: "webhook.test", orderKey: null, data: { test: true } }], endpointId);
      await waitUntil(() => receiver.accepted.length === 2);
      expect(receiver.counts().badSignatures).toBe(0);
      // The log is written once the receiver has answered.
      await waitUntil(async () => (await deliveriesOf(endpointId)).every((d) => d.status === "delivered"));
      const [logged] = (await deliveriesOf(endpointId)).filter((d) => d.eventType === "webhook.test");
      expect(logged).toMatchObject({ status: "delivered", attempts: 1, statusCode: 204 });
      expect(logged!.latencyMs).toBeGreaterThanOrEqual(0);
    } finally {
      await receiver.close();
    }
  });

  it("a receiver failing every third request still gets every event once after deduplication, in order per entry, and another customer's none", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    const flaky = await startWebhookReceiver({ failEvery: 3 });
    const other = await startWebhookReceiver();
    try {
      await endpointFor(a, flaky);
      const otherEndpoint = await endpointFor(b, other);
      const entries = Array.from({ length: 8 }, (_, i) => `entry-${i}`);
      const events = Array.from({ length: 5 }, (_, step) =>
        entries.map((entry) => ({ type: "directory.entry.updated", orderKey: `entry:${entry}`, data: { entry, step } })),
      ).flat();
      await emitWebhookEvents(a.customerId, events);
      await waitUntil(() => flaky.accepted.length === events.length);
      expect(flaky.counts().requests).toBeGreaterThan(events.length); // some failed and were retried
      for (const entry of entries) {
        expect(flaky.accepted.filter((e) => e.data.entry === entry).map((e) => e.data.step)).toEqual([0, 1, 2, 3, 4]);
      }
      expect(other.accepted).toEqual([]);
      expect(await deliveriesOf(otherEndpoint)).toEqual([]);
    } finally {
      await Promise.all([flaky.close(), other.close()]);
    }
  });

  it("refuses a private, link-local or metadata address at save, and again at delivery", async () => {
    const manager = await createCustomerWithManager();
    for (const url of ["https://10.1.2.3/hooks", "https://169.254.169.254/latest", "https://metadata.google.internal/", "https://[fd00::1]/"]) {
      await expect(createEndpoint(manager, endpointInput.parse({ url, description: "", eventTypes: allEvents }))).rejects.toThrow(/not allowed/);
    }
    expect(await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.customerId, manager.customerId))).toEqual([]);

    // Saved while allowed (or DNS answered otherwise then): each delivery checks again, and sends nothing.
    const sealed = seal("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", manager.customerId);
    const [endpoint] = await db()
      .insert(webhookEndpoints)
      .values({
        customerId: manager.customerId,
        url: "https://192.168.1.20/hooks",
        eventTypes: [...webhookEventTypes],
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
        secretHint: "LaSw",
      })
      .returning();
    const [id] = await emitWebhookEvents(manager.customerId, [{ type: "webhook.test", orderKey: null, data: {} }], endpoint!.id);
    await waitUntil(async () => {
      const [d] = await db()
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.id, id!)));
      return (d?.attempts ?? 0) > 0;
    });
    const [d] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id!));
    expect(d!.error).toMatch(/not allowed/);
    expect(d!.statusCode).toBeNull();
  });
});

describe("events of a sync run", () => {
  it("fans a run's changes, created entries and outcome out to the endpoint in one job, removals only once applied", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      await endpointFor(manager, receiver);
      const [run] = await db().insert(syncRuns).values({ customerId: manager.customerId, trigger: "one_time", status: "needs_confirmation" }).returning();
      const objectIds = [randomUUID(), randomUUID(), randomUUID()];
      await db()
        .insert(syncRunChanges)
        .values([
          {
            runId: run!.id,
            customerId: manager.customerId,
            objectId: objectIds[0]!,
            displayName: "Adele",
            kind: "updated",
            fields: { jobTitle: ["Clerk", "Lead"] },
          },
          {
            runId: run!.id,
            customerId: manager.customerId,
            objectId: objectIds[1]!,
            displayName: "Ben",
            kind: "removed",
            fields: { status: ["active", "removed"] },
          },
        ]);
      await db()
        .insert(syncRunCreatedPages)
        .values({ runId: run!.id, customerId: manager.customerId, entryCount: 1, entries: [{ key: objectIds[2], displayName: "Cleo", status: "active" }] });

      // The run ends owing its events, as finishRun leaves it.
      const ofRun = eq(syncRuns.id, run!.id);
      await db()
        .update(syncRuns)
        .set({ webhookEventsOwed: oweRunEvents(manager.customerId, "needs_confirmation") })
        .where(ofRun);
      await announceRunEnd({ customerId: manager.customerId, runId: run!.id, outcome: "needs_confirmation" });
      await waitUntil(() => receiver.accepted.length === 3);
      expect(receiver.accepted.map((e) => e.type)).toEqual(
        expect.arrayContaining(["directory.entry.created", "directory.entry.updated", "sync.run.needs_confirmation"]),
      );
      const updated = receiver.accepted.find((e) => e.type === "directory.entry.updated")!.data;
      expect(updated).toEqual({ objectId: objectIds[0], source: "entra", runId: run!.id, displayName: "Adele", changes: { jobTitle: ["Clerk", "Lead"] } });
      // A second job for the same end (a retry, or the sweep's) finds nothing owed and sends nothing.
      expect(await emitRunEvents({ customerId: manager.customerId, runId: run!.id, outcome: "needs_confirmation" })).toBe(0);
      expect(receiver.accepted.find((e) => e.type === "directory.entry.created")!.data).toMatchObject({ objectId: objectIds[2], displayName: "Cleo" });

      await db()
        .update(syncRuns)
        .set({ status: "confirmed", webhookEventsOwed: oweRunEvents(manager.customerId, "confirmed") })
        .where(ofRun);
      await announceRunEnd({ customerId: manager.customerId, runId: run!.id, outcome: "confirmed" });
      await waitUntil(() => receiver.accepted.length === 4);
      expect(receiver.accepted[3]).toMatchObject({ type: "directory.entry.removed", data: { objectId: objectIds[1] } });
    } finally {
      await receiver.close();
    }
  });
  it("disables an endpoint whose every delivery has failed for a day, with the reason its screen shows; a success clears the clock", async () => {
    const manager = await createCustomerWithManager();
    const failing = await startWebhookReceiver({ failEvery: 1 });
    const healthy = await startWebhookReceiver();
    try {
      const [dead, recovered] = [await endpointFor(manager, failing), await endpointFor(manager, healthy)];
      // Both failing since yesterday (no test clock needed: the clock is the row's own timestamp).
      await db()
        .update(webhookEndpoints)
        .set({ failingSince: new Date(Date.now() - 25 * 3600_000) })
        .where(and(eq(webhookEndpoints.customerId, manager.customerId), inArray(webhookEndpoints.id, [dead, recovered])));
      const endpoint = async (id: string) => (await db().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;
      await emitWebhookEvents(manager.customerId, [{ type: "webhook.test", orderKey: null, data: { test: true } }]);

      await waitUntil(async () => !(await endpoint(dead)).enabled);
      expect((await endpoint(dead)).disabledReason).toBe(
        "Disabled by the portal: every delivery failed for 1 day. Fix the receiver, then enable the endpoint again.",
      );
      await waitUntil(async () => (await endpoint(recovered)).failingSince === null);
      expect(await endpoint(recovered)).toMatchObject({ enabled: true, disabledReason: null });
    } finally {
      await Promise.all([failing.close(), healthy.close()]);
    }
  });
});
