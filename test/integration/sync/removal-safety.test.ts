import { eq } from "drizzle-orm";
import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { entraSettings, syncRunChanges } from "@/db/schema";
import { confirmRemovals } from "@/lib/sync/confirm-removals";
import { listRunChanges } from "@/lib/sync/history/list-run-changes";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, createTenant, directoryOf, emulatorAdmin, expectDirectoryMatches, startTestWorker, syncNow } from "../../support/sync-fixture";
import { connectorOf } from "@/lib/connectors/registry";

describe("never deprovision by accident", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("holds back a round that would remove more than the threshold until a manager confirms", async () => {
    const tenant = await createTenant(admin, { users: 20 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await syncNow(manager);
    const users = (await admin.listUsers(tenant.tenantId, { limit: 20 })).users;
    for (const user of users.slice(0, 6)) await admin.softDeleteUser(tenant.tenantId, user.id);

    const held = await syncNow(manager, "full_resync");
    expect(held).toMatchObject({ status: "needs_confirmation", pendingRemovals: 6, removed: 0 });
    expect((await directoryOf(manager.customerId)).filter((e) => e.status === "removed")).toHaveLength(0);
    const [settingsBefore] = await db().select().from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
    expect(settingsBefore!.deltaLink).not.toBe(held.deltaLink);
    const pending = await db().select().from(syncRunChanges).where(eq(syncRunChanges.runId, held.id));
    expect(
      pending
        .filter((c) => c.kind === "removed")
        .map((c) => c.objectId)
        .sort(),
    ).toEqual(
      users
        .slice(0, 6)
        .map((u) => u.id)
        .sort(),
    );

    await confirmRemovals(manager, { runId: held.id }, connectorOf);
    expect((await directoryOf(manager.customerId)).filter((e) => e.status === "removed")).toHaveLength(6);
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId, { guests: true });
    await expect(confirmRemovals(manager, { runId: held.id }, connectorOf)).rejects.toMatchObject({ code: "conflict" });
  });

  it("removes within the threshold at once", async () => {
    const tenant = await createTenant(admin, { users: 20 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await syncNow(manager);
    const [victim] = (await admin.listUsers(tenant.tenantId, { limit: 1 })).users;
    await admin.hardDeleteUser(tenant.tenantId, victim!.id);
    expect(await syncNow(manager, "full_resync")).toMatchObject({ status: "succeeded", removed: 1 });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId, { guests: true });
  });

  it("removes exactly the threshold at once, and holds back one more", async () => {
    const tenant = await createTenant(admin, { users: 20 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await syncNow(manager);
    const users = (await admin.listUsers(tenant.tenantId, { limit: 20 })).users;
    // 4 of 20 is 20 %, the default threshold: not more than it.
    for (const user of users.slice(0, 4)) await admin.softDeleteUser(tenant.tenantId, user.id);
    expect(await syncNow(manager, "full_resync")).toMatchObject({ status: "succeeded", removed: 4 });
    // 4 of the 16 left is 25 %.
    for (const user of users.slice(4, 8)) await admin.softDeleteUser(tenant.tenantId, user.id);
    expect(await syncNow(manager, "full_resync")).toMatchObject({ status: "needs_confirmation", pendingRemovals: 4, removed: 0 });
  });

  it("lets no other customer confirm a run", async () => {
    const tenant = await createTenant(admin, { users: 5 });
    const manager = await createCustomerWithManager();
    const stranger = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    await syncNow(manager);
    for (const user of (await admin.listUsers(tenant.tenantId, { limit: 5 })).users.slice(0, 3)) await admin.softDeleteUser(tenant.tenantId, user.id);
    const held = await syncNow(manager);
    expect(held.status).toBe("needs_confirmation");
    await expect(confirmRemovals(stranger, { runId: held.id }, connectorOf)).rejects.toMatchObject({ code: "not_found" });
    expect((await directoryOf(manager.customerId)).filter((e) => e.status === "removed")).toHaveLength(0);
  });

  it("simulates without writing: reports what would change and keeps the delta position", async () => {
    const tenant = await createTenant(admin, { users: 10 });
    const manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { skipGuests: "" });
    const simulated = await syncNow(manager, "simulate");
    expect(simulated).toMatchObject({ status: "succeeded", created: 10 });
    expect(await directoryOf(manager.customerId)).toHaveLength(0);
    const [settings] = await db().select().from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
    expect(settings!.deltaLink).toBeNull();
    const created = await listRunChanges({ customerId: manager.customerId, runId: simulated.id, kind: "created" });
    expect(created.total).toBe(10);
    // The generated tenant has disabled people too, and a page's order is Graph's: check every row, not the first.
    for (const row of created.rows)
      expect(row.fields).toMatchObject({ displayName: [null, expect.any(String)], status: [null, expect.stringMatching(/^(active|disabled)$/)] });
    expect(created.rows.map((row) => row.fields.status)).toContainEqual([null, "active"]);
  });
});
