import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncRunChanges, syncRuns } from "@/db/schema";
import { getRun } from "@/lib/sync/history/get-run";
import { listRunChanges } from "@/lib/sync/history/list-run-changes";
import { listRuns } from "@/lib/sync/history/list-runs";
import { runChartPoints } from "@/lib/sync/history/run-chart-points";
import { getRunProgress } from "@/lib/sync/history/run-progress";
import { createCustomerWithManager } from "../support/factories";

describe("sync history", () => {
  let a: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let b: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let bRunId: string;
  let aRunIds: string[];

  beforeAll(async () => {
    [a, b] = [await createCustomerWithManager(), await createCustomerWithManager()];
    const t0 = Date.parse("2026-11-01T00:00:00Z");
    const aRuns = await db()
      .insert(syncRuns)
      .values(
        [0, 1, 2].map((i) => ({
          customerId: a.customerId,
          trigger: "one_time" as const,
          status: i === 2 ? ("failed" as const) : ("succeeded" as const),
          queuedAt: new Date(t0 + i * 3_600_000),
          startedAt: new Date(t0 + i * 3_600_000),
          finishedAt: new Date(t0 + i * 3_600_000 + (i + 1) * 10_000),
          created: i,
          updated: 1,
        })),
      )
      .returning();
    aRunIds = aRuns.map((r) => r.id);
    await db().insert(syncRunChanges).values([
      { runId: aRunIds[0]!, customerId: a.customerId, objectId: "11111111-1111-4111-8111-111111111111", displayName: "Ann", kind: "created", fields: { email: [null, "ann@x.example"] } },
      { runId: aRunIds[0]!, customerId: a.customerId, objectId: "22222222-2222-4222-8222-222222222222", displayName: "Bob", kind: "updated", fields: { lastName: ["B", "Bee"] } },
    ]);
    const [bRun] = await db().insert(syncRuns).values({ customerId: b.customerId, trigger: "simulate", status: "succeeded" }).returning();
    bRunId = bRun!.id;
  });

  it("lists a customer's runs newest first", async () => {
    const runs = await listRuns({ customerId: a.customerId, connector: "entra" });
    expect(runs.rows.map((r) => r.id)).toEqual([...aRunIds].reverse());
    expect(runs.total).toBe(3);
  });

  it("lists a run's changes, filtered by kind", async () => {
    expect((await listRunChanges({ customerId: a.customerId, runId: aRunIds[0]! })).rows.map((c) => c.displayName)).toEqual(["Ann", "Bob"]);
    expect((await listRunChanges({ customerId: a.customerId, runId: aRunIds[0]!, kind: "updated" })).rows.map((c) => c.displayName)).toEqual(["Bob"]);
  });

  it("plots finished runs oldest first with entries changed and duration", async () => {
    const points = await runChartPoints({ customerId: a.customerId, connector: "entra" });
    expect(points.map((p) => [p.changed, p.seconds, p.failed])).toEqual([
      [1, 10, false],
      [2, 20, false],
      [3, 30, true],
    ]);
  });

  it("never shows one customer another's runs", async () => {
    await expect(getRun({ customerId: a.customerId, runId: bRunId })).rejects.toMatchObject({ code: "not_found" });
    await expect(getRunProgress({ customerId: a.customerId, runId: bRunId })).rejects.toMatchObject({ code: "not_found" });
    expect((await listRunChanges({ customerId: b.customerId, runId: aRunIds[0]! })).total).toBe(0);
    expect((await listRuns({ customerId: b.customerId, connector: "entra" })).rows.map((r) => r.id)).toEqual([bRunId]);
  });
});
