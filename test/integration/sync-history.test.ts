import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { syncRunChanges, syncRunCreatedPages, syncRuns, type SyncChangeKind } from "@/db/schema";
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
    // Created entries are recorded a source page at a time: here 40, then 20 (written as pageWriteStatement writes them).
    const created = (n: number) => ({
      key: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      status: "active",
      displayName: `New ${n}`,
      email: `new${n}@x.example`,
      firstName: null,
    });
    await db()
      .insert(syncRunCreatedPages)
      .values([
        { runId: aRunIds[0]!, customerId: a.customerId, entryCount: 40, entries: Array.from({ length: 40 }, (_, i) => created(i)) },
        { runId: aRunIds[0]!, customerId: a.customerId, entryCount: 20, entries: Array.from({ length: 20 }, (_, i) => created(40 + i)) },
      ]);
    await db()
      .insert(syncRunChanges)
      .values([
        {
          runId: aRunIds[0]!,
          customerId: a.customerId,
          objectId: "33333333-3333-4333-8333-333333333333",
          displayName: "Cid",
          kind: "removed",
          fields: { status: ["active", "removed"] },
        },
        {
          runId: aRunIds[0]!,
          customerId: a.customerId,
          objectId: "22222222-2222-4222-8222-222222222222",
          displayName: "Bob",
          kind: "updated",
          fields: { lastName: ["B", "Bee"] },
        },
      ]);
    const [bRun] = await db().insert(syncRuns).values({ customerId: b.customerId, trigger: "simulate", status: "succeeded" }).returning();
    bRunId = bRun!.id;
  });

  it("lists a customer's runs newest first", async () => {
    const runs = await listRuns({ customerId: a.customerId, connector: "entra" });
    expect(runs.rows.map((r) => r.id)).toEqual([...aRunIds].reverse());
    expect(runs.total).toBe(3);
  });

  it("lists a run's changes fifty a page: the created entries, then the others kind by kind, each kind on its own", async () => {
    const list = (page: number, kind?: SyncChangeKind) => listRunChanges({ customerId: a.customerId, runId: aRunIds[0]!, page, kind });
    const first = await list(1);
    expect(first).toMatchObject({ total: 62, pageCount: 2 });
    expect(first.rows.map((c) => c.displayName)).toEqual(Array.from({ length: 50 }, (_, i) => `New ${i}`));
    expect(first.rows[0]).toMatchObject({
      kind: "created",
      objectId: "00000000-0000-4000-8000-000000000000",
      fields: { displayName: [null, "New 0"], email: [null, "new0@x.example"], status: [null, "active"] },
    });
    expect(Object.keys(first.rows[0]!.fields)).not.toContain("firstName");
    // Cid's removal was recorded before Bob's update; the page shows them by kind (updated before removed).
    expect((await list(2)).rows.map((c) => c.displayName)).toEqual([...Array.from({ length: 10 }, (_, i) => `New ${50 + i}`), "Bob", "Cid"]);
    expect(new Set([...first.rows, ...(await list(2)).rows].map((c) => c.id)).size).toBe(62);

    expect(await list(2, "created")).toMatchObject({ total: 60, rows: { length: 10 } });
    expect((await list(1, "updated")).rows).toEqual([expect.objectContaining({ displayName: "Bob", fields: { lastName: ["B", "Bee"] } })]);
    expect(await list(1, "removed")).toMatchObject({ total: 1, rows: [{ displayName: "Cid" }] });
    expect(await list(1, "disabled")).toMatchObject({ total: 0, rows: [] });
    expect(await list(3)).toMatchObject({ total: 62, rows: [] });
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
