import type { Worker } from "bullmq";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncRuns, type SyncRun } from "@/db/schema";
import { graphWaitsLabel } from "@/lib/connectors/entra/graph-waits-label";
import { startRun } from "@/lib/sync/start-run";
import { createCustomerWithManager } from "../../support/factories";
import {
  configureSync,
  createTenant,
  directoryOf,
  emulatorAdmin,
  expectDirectoryMatches,
  startTestWorker,
  syncNow,
  truthOf,
  waitForRun,
} from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

/**
 * The run history says what a run did: a retried attempt re-reads the round,
 * and what the attempt before it already wrote is not counted again; waits
 * are called throttling only when Graph throttled (429).
 */
describe("run history counts and labels", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("counts a first sync whose attempt failed mid-round and was retried exactly once per user", async () => {
    const tenant = await createTenant(admin, { users: 1500 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    // The round's anchor, its two counts (the cover, and everyone for the listing budget) and one listing's page get
    // through and the page is written; then Graph is unavailable for longer than one attempt retries.
    await admin.setFaults(tenant.tenantId, { unavailable: { burst: 100_000, after: 4, retryAfterSeconds: 0 } });
    const { id } = await startRun(manager, "one_time", connectorOf("entra"));
    let run: SyncRun | undefined;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 25))) {
      [run] = await db().select().from(syncRuns).where(eq(syncRuns.id, id));
      if (run?.errorCode) break; // the first attempt failed and the run waits for its retry
    }
    expect(run).toMatchObject({ status: "running", pagesFetched: 1 });
    expect(run!.created).toBeGreaterThan(0); // the page's members, less its guests
    await admin.clearFaults(tenant.tenantId);
    run = await waitForRun(id);

    const users = await truthOf(admin, tenant.tenantId);
    expect(run).toMatchObject({ status: "succeeded", removed: 0, updated: 0, disabled: 0, unchanged: 0 });
    expect(run.attempts).toBeGreaterThanOrEqual(2);
    expect(run.created + run.skipped).toBe(users.length);
    expect(run.created).toBe((await directoryOf(manager.customerId)).length);
    const [recorded] = await db().execute<{ n: number }>(
      sql`select coalesce(sum(entry_count), 0)::int as n from sync_run_created_pages where run_id = ${id}::uuid`,
    );
    expect(recorded!.n).toBe(run.created);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);

    // And the next run, which changes nothing, calls every synced user unchanged.
    const next = await syncNow(manager, "full_resync");
    expect(next).toMatchObject({ status: "succeeded", created: 0, unchanged: run.created, skipped: run.skipped });
  });

  it.each([
    ["429 throttling", { throttle: { everyNth: 2, retryAfterSeconds: 0 } }, { throttled: true, unavailable: false }],
    ["503 bursts", { unavailable: { burst: 3, retryAfterSeconds: 0 } }, { throttled: false, unavailable: true }],
    // Every 5th Graph request dropped: the round makes a dozen (anchor, count, eight listings, catch-up), whatever their order.
    ["a dropped connection", { resetMidPage: { everyNth: 5 } }, { throttled: false, unavailable: true }],
  ])("labels %s for what it was", async (_name, faults, expected) => {
    // Three delta pages of up to 999 users, so every 2nd request is sure to be throttled.
    const tenant = await createTenant(admin, { users: 2500 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant);
    await admin.setFaults(tenant.tenantId, faults);
    const run = await syncNow(manager);
    await admin.clearFaults(tenant.tenantId);
    expect(run.status).toBe("succeeded");
    expect(run.throttleWaits > 0).toBe(expected.throttled);
    expect(run.unavailableRetries > 0).toBe(expected.unavailable);
    const label = graphWaitsLabel(run);
    expect(label.includes("throttled")).toBe(expected.throttled);
    expect(label.includes("temporarily unavailable")).toBe(expected.unavailable);
  });
});
