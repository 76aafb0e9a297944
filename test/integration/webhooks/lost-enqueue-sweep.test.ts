import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges, syncRuns, webhookDeliveries } from "@/db/schema";
import { webhookQueue } from "@/lib/jobs/webhook-jobs";
import { announceRunEnd } from "@/lib/webhook-events/announce-run-end";
import { emitWebhookEventsQuietly } from "@/lib/webhook-events/emit-events";
import { oweRunEvents } from "@/lib/webhook-events/owe-run-events";
import { sweepLostEvents } from "@/lib/webhook-events/sweep-lost-events";
import { createCustomerWithManager } from "../../support/factories";
import { deliveriesOf, endpointFor, webhookWorkerOfFile } from "../../support/webhook-endpoint";
import { startWebhookReceiver, waitUntil } from "../../support/webhook-receiver";

// The enqueue fails while `queue.down`, as when Redis is unreachable (or the process dies) after the commit.
const queue = vi.hoisted(() => ({ down: false }));
vi.mock("@/lib/jobs/webhook-jobs", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/jobs/webhook-jobs")>();
  const unlessDown =
    <A extends unknown[]>(enqueue: (...args: A) => Promise<void>) =>
    async (...args: A) => {
      if (queue.down) throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:6379"), { code: "ECONNREFUSED" });
      await enqueue(...args);
    };
  return { ...real, enqueueDeliveries: unlessDown(real.enqueueDeliveries), enqueueRunEvents: unlessDown(real.enqueueRunEvents) };
});

async function whileQueueDown(write: () => Promise<void>): Promise<void> {
  queue.down = true;
  try {
    await write();
  } finally {
    queue.down = false;
  }
}

const worker = webhookWorkerOfFile();

/** As if two minutes had passed since the deliveries were written: the sweep leaves younger ones to their own jobs. */
const ageDeliveries = (endpointId: string) =>
  db()
    .update(webhookDeliveries)
    .set({ createdAt: sql`${webhookDeliveries.createdAt} - interval '2 minutes'` })
    .where(eq(webhookDeliveries.endpointId, endpointId));
const jobOf = (id: number) => webhookQueue().getJob(`delivery-${id}`);
const events = (entry: string, n: number) =>
  Array.from({ length: n }, (_, step) => ({ type: "directory.entry.updated", orderKey: `entry:${entry}`, data: { entry, step } }));

describe("the sweep of work whose enqueue was lost", () => {
  it("sends deliveries left without a job once they are a minute old, each once however often it sweeps, in order", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(manager, receiver);
      await whileQueueDown(() => emitWebhookEventsQuietly(manager.customerId, events("lost", 3)));
      const lost = await deliveriesOf(endpointId);
      expect(lost.map((d) => [d.status, d.attempts])).toEqual([
        ["pending", 0],
        ["pending", 0],
        ["pending", 0],
      ]);

      await sweepLostEvents();
      for (const d of lost) expect(await jobOf(d.id)).toBeUndefined(); // younger than a minute: left alone
      await ageDeliveries(endpointId);
      await sweepLostEvents();
      await sweepLostEvents();

      await waitUntil(async () => (await deliveriesOf(endpointId)).every((d) => d.status === "delivered"));
      expect(receiver.accepted.map((e) => e.data.step)).toEqual([0, 1, 2]);
      expect(receiver.counts()).toEqual({ requests: 3, badSignatures: 0 });
    } finally {
      await receiver.close();
    }
  });

  it("adds nothing for a delivery already queued or delivered", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(manager, receiver);
      await emitWebhookEventsQuietly(manager.customerId, events("first", 1));
      await waitUntil(async () => (await deliveriesOf(endpointId)).every((d) => d.status === "delivered"));
      const [delivered] = await deliveriesOf(endpointId);

      await worker().pause();
      await emitWebhookEventsQuietly(manager.customerId, events("queued", 2));
      await ageDeliveries(endpointId);
      const queued = (await deliveriesOf(endpointId)).filter((d) => d.id !== delivered!.id);
      const jobsBefore = await Promise.all(queued.map((d) => jobOf(d.id)));
      await sweepLostEvents();
      await sweepLostEvents();
      // The waiting jobs are the ones emitted, untouched; the delivered one got no job again.
      const jobsAfter = await Promise.all(queued.map((d) => jobOf(d.id)));
      expect(jobsAfter.map((j) => [j?.id, j?.timestamp])).toEqual(jobsBefore.map((j) => [j!.id, j!.timestamp]));
      expect(await jobOf(delivered!.id)).toBeUndefined();

      worker().resume();
      await waitUntil(async () => (await deliveriesOf(endpointId)).every((d) => d.status === "delivered"));
      expect(receiver.counts()).toEqual({ requests: 3, badSignatures: 0 });
    } finally {
      worker().resume();
      await receiver.close();
    }
  });

  it("emits a run's events whose job was lost as the run ended, once", async () => {
    const manager = await createCustomerWithManager();
    const receiver = await startWebhookReceiver();
    try {
      const endpointId = await endpointFor(manager, receiver);
      // A run that ended two minutes ago owing its events (finishRun's statement), whose announcing job never reached the queue.
      const [run] = await db()
        .insert(syncRuns)
        .values({ customerId: manager.customerId, trigger: "one_time", status: "succeeded", finishedAt: sql`now() - interval '2 minutes'` })
        .returning();
      await db()
        .update(syncRuns)
        .set({ webhookEventsOwed: oweRunEvents(manager.customerId, "succeeded") })
        .where(eq(syncRuns.id, run!.id));
      const objectId = randomUUID();
      await db()
        .insert(syncRunChanges)
        .values({ runId: run!.id, customerId: manager.customerId, objectId, displayName: "Wes", kind: "updated", fields: { jobTitle: ["Clerk", "Lead"] } });
      await whileQueueDown(() => announceRunEnd({ customerId: manager.customerId, runId: run!.id, outcome: "succeeded" }));
      expect(await webhookQueue().getJob(`run-events-${run!.id}-succeeded`)).toBeUndefined();

      await sweepLostEvents();
      await sweepLostEvents();
      await waitUntil(() => receiver.accepted.length === 2);
      // Two orders (the entry's, the run's own), which may arrive either way round.
      expect(receiver.accepted.map((e) => e.type).sort()).toEqual(["directory.entry.updated", "sync.run.succeeded"]);
      const [after] = await db().select().from(syncRuns).where(eq(syncRuns.id, run!.id));
      expect(after!.webhookEventsOwed).toEqual([]);

      const runJob = () => webhookQueue().getJob(`run-events-${run!.id}-succeeded`);
      await waitUntil(async () => (await runJob()) === undefined); // completed, and removed
      await sweepLostEvents(); // owes nothing now: no job, no delivery
      expect(await runJob()).toBeUndefined();
      await waitUntil(async () => (await deliveriesOf(endpointId)).every((d) => d.status === "delivered"));
      expect(await deliveriesOf(endpointId)).toHaveLength(2);
      expect(receiver.counts()).toEqual({ requests: 2, badSignatures: 0 });
    } finally {
      await receiver.close();
    }
  });
});
