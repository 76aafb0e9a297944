import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Worker } from "bullmq";
import { DEMO_TENANT } from "@/emulator";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, directoryOf, emulatorAdmin, expectedEntry, startTestWorker, syncedFields, syncNow, truthOf } from "../../support/sync-fixture";

describe("full sync", () => {
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("fills the directory from the demo tenant with Sync = Yes and the fields exactly, then writes nothing the second time", async () => {
    const admin = emulatorAdmin();
    const manager = await createCustomerWithManager();
    await configureSync(manager, { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret });

    const first = await syncNow(manager);
    expect(first).toMatchObject({ status: "succeeded", round: "full", error: null });
    const truth = (await truthOf(admin, DEMO_TENANT.tenantId)).filter((u) => u.userType === "Member");
    expect(first.created).toBe(truth.length);

    const entries = await directoryOf(manager.customerId);
    expect(entries.every((e) => e.source === "entra" && e.aadTenantId === DEMO_TENANT.tenantId)).toBe(true);
    expect(entries.map(syncedFields)).toEqual(truth.map((u) => expectedEntry(u)).sort((a, b) => a.aadObjectId.localeCompare(b.aadObjectId)));

    const second = await syncNow(manager);
    expect(second).toMatchObject({ status: "succeeded", round: "delta", created: 0, updated: 0, disabled: 0, removed: 0 });
    const after = await directoryOf(manager.customerId);
    expect(after.map((e) => e.updatedAt.getTime())).toEqual(entries.map((e) => e.updatedAt.getTime()));
  });

  it("full resync reads everything again and still writes nothing when nothing changed", async () => {
    const manager = await createCustomerWithManager();
    await configureSync(manager, { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret });
    await syncNow(manager);
    const before = await directoryOf(manager.customerId);
    const resync = await syncNow(manager, "full_resync");
    expect(resync).toMatchObject({ status: "succeeded", round: "full", created: 0, updated: 0, removed: 0, unchanged: before.length });
    expect((await directoryOf(manager.customerId)).map((e) => e.updatedAt.getTime())).toEqual(before.map((e) => e.updatedAt.getTime()));
  });
});
