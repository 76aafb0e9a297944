import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { connectorOf } from "@/lib/connectors/registry";
import { finishRun } from "@/lib/sync/finish-run";
import { listRunChanges } from "@/lib/sync/history/list-run-changes";
import { createRun, getRunById } from "@/lib/sync/run-records";
import type { SourceEntry } from "@/lib/sync/synced-fields";
import { walkPages, type WalkInput } from "@/lib/sync/walk-pages";
import { createCustomerWithManager } from "../../support/factories";
import { directoryOf } from "../../support/sync-fixture";

/** The walk itself, fed pages directly: several pages whose writes overlap, as a large tenant's first sync. */
describe("walking a connector's pages", () => {
  const entry = (key: string, name: string): SourceEntry => ({
    key,
    removed: false,
    filteredOut: false,
    status: "active",
    fields: {
      userPrincipalName: `${name}@contoso.example`,
      firstName: name,
      lastName: null,
      displayName: name,
      email: null,
      officePhone: null,
      mobilePhone: null,
      jobTitle: null,
      department: null,
      accountName: null,
      attributes: {},
      officePhoneE164: null,
      mobilePhoneE164: null,
      phonesE164: [],
      unparsedPhones: [],
    },
  });
  async function* pagesOf(...pages: SourceEntry[][]): AsyncGenerator<SourceEntry[]> {
    for (const page of pages) yield page;
  }
  async function newRun() {
    const manager = await createCustomerWithManager();
    const run = await createRun({ customerId: manager.customerId, connector: "entra", trigger: "one_time" });
    const input: WalkInput = {
      runId: run.id,
      customerId: manager.customerId,
      connector: connectorOf("entra"),
      tenantId: randomUUID(),
      simulate: false,
      round: "full",
      options: { skipDisabled: false },
    };
    return { manager, run, input };
  }

  it("writes every page of a first round, and a user a later page repeats is updated, not created twice", async () => {
    const { manager, run, input } = await newRun();
    const keys = Array.from({ length: 12 }, () => randomUUID());
    const pages = [0, 1, 2, 3].map((p) => keys.slice(p * 3, p * 3 + 3).map((key, i) => entry(key, `User ${p * 3 + i}`)));
    pages.push([entry(keys[1]!, "User 1 renamed"), entry(keys[10]!, "User 10")]);

    const walked = await walkPages(input, pagesOf(...pages));
    expect(walked.startedEmpty).toBe(true);
    expect(new Set(walked.seen)).toEqual(new Set(keys));
    // User 10, repeated as it was, was written by this very run: counted once, as created, not "unchanged" on top.
    expect(await getRunById({ customerId: manager.customerId, runId: run.id })).toMatchObject({
      created: 12,
      updated: 1,
      unchanged: 0,
      pagesFetched: 5,
      entriesProcessed: 14,
    });
    const names = new Map((await directoryOf(manager.customerId)).map((e) => [e.aadObjectId, e.displayName]));
    expect(names.size).toBe(12);
    expect(names.get(keys[1]!)).toBe("User 1 renamed");

    expect(await finishRun({ ...input, ...walked, position: null, removalThresholdPercent: 20 })).toBe("succeeded");
    const created = await listRunChanges({ customerId: manager.customerId, runId: run.id, kind: "created" });
    // Pages are written side by side, so their records may come in any order.
    expect(created.rows.map((c) => c.objectId).sort()).toEqual([...keys].sort());
    expect((await listRunChanges({ customerId: manager.customerId, runId: run.id, kind: "updated" })).rows).toEqual([
      expect.objectContaining({
        objectId: keys[1],
        fields: {
          displayName: ["User 1", "User 1 renamed"],
          firstName: ["User 1", "User 1 renamed"],
          userPrincipalName: ["User 1@contoso.example", "User 1 renamed@contoso.example"],
        },
      }),
    ]);
  });

  it("looks every entry up when the directory already holds the connector's keys, and removes what the round did not see", async () => {
    const { manager, input } = await newRun();
    const keys = Array.from({ length: 6 }, () => randomUUID());
    const first = await walkPages(
      input,
      pagesOf(
        keys.slice(0, 3).map((k) => entry(k, k)),
        keys.slice(3).map((k) => entry(k, k)),
      ),
    );
    await finishRun({ ...input, ...first, position: null, removalThresholdPercent: 50 });

    const again = await createRun({ customerId: manager.customerId, connector: "entra", trigger: "full_resync" });
    const second = { ...input, runId: again.id };
    const walked = await walkPages(second, pagesOf(keys.slice(0, 5).map((k) => entry(k, k))));
    expect(walked.startedEmpty).toBe(false);
    expect(await finishRun({ ...second, ...walked, position: null, removalThresholdPercent: 50 })).toBe("succeeded");
    expect(await getRunById({ customerId: manager.customerId, runId: again.id })).toMatchObject({ created: 0, unchanged: 5, removed: 1 });
    expect((await directoryOf(manager.customerId)).find((e) => e.aadObjectId === keys[5])!.status).toBe("removed");
  });

  it("stops at a page the database refuses, with no write of the walk still running", async () => {
    const { manager, run, input } = await newRun();
    const broken = { ...entry(randomUUID(), "Broken"), fields: { ...entry(randomUUID(), "x").fields, displayName: null as unknown as string } };
    const later = Array.from({ length: 3 }, () => [entry(randomUUID(), "Later")]);
    await expect(walkPages(input, pagesOf([entry(randomUUID(), "First")], [broken], ...later))).rejects.toThrow(/display_name/);
    // Nothing is written after the walk has ended: what is there now stays.
    const after = await directoryOf(manager.customerId);
    await new Promise((r) => setTimeout(r, 200));
    expect(await directoryOf(manager.customerId)).toEqual(after);
    expect(after.map((e) => e.displayName)).not.toContain("Broken");
    expect((await getRunById({ customerId: manager.customerId, runId: run.id }))!.created).toBe(after.length);
  });
});
