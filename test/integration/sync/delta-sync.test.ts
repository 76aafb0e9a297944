import type { Worker } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCustomerWithManager } from "../../support/factories";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { syncRunChanges } from "@/db/schema";
import {
  configureSync,
  createTenant,
  directoryOf,
  emulatorAdmin,
  expectDirectoryMatches,
  startTestWorker,
  syncNow,
  type TestTenant,
} from "../../support/sync-fixture";

const changesOf = (runId: string) =>
  db().select({ objectId: syncRunChanges.objectId, fields: syncRunChanges.fields }).from(syncRunChanges).where(eq(syncRunChanges.runId, runId));

/** Each kind of change in Entra, synced incrementally, leaves the directory equal to the tenant. */
describe("incremental (delta) sync", () => {
  const admin = emulatorAdmin();
  let worker: Worker;
  let tenant: TestTenant;
  let manager: Awaited<ReturnType<typeof createCustomerWithManager>>;
  let ids: string[];

  beforeAll(async () => {
    worker = startTestWorker();
    tenant = await createTenant(admin, { users: 30 });
    manager = await createCustomerWithManager();
    await configureSync(manager, tenant, { removalThresholdPercent: "50" });
    const members = (await admin.listUsers(tenant.tenantId, { limit: 30 })).users.filter((u) => u.userType === "Member");
    const first = await syncNow(manager);
    // Guests are skipped (the default), members all created.
    expect(first).toMatchObject({ status: "succeeded", round: "full", created: members.length, skipped: 30 - members.length });
    // The generated tenant has a few disabled people; the changes below start from enabled ones.
    ids = members.filter((u) => u.accountEnabled).map((u) => u.id);
  });
  afterAll(() => worker.close());

  const deltaRun = async (expected: Record<string, unknown>) => {
    const run = await syncNow(manager);
    expect(run).toMatchObject({ status: "succeeded", round: "delta", ...expected });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
    return run;
  };

  it("creates a new user", async () => {
    await admin.createUser(tenant.tenantId, {
      userPrincipalName: `new.person@${tenant.tenantId}.example`,
      displayName: "New Person",
      givenName: "New",
      surname: "Person",
      mail: "new.person@example.org",
      businessPhones: ["+1 206 555 0100"],
      mobilePhone: "+1 206 555 0199",
    });
    await deltaRun({ created: 1, updated: 0, removed: 0 });
  });

  it("updates a changed user, and only that user", async () => {
    await admin.updateUser(tenant.tenantId, ids[0]!, { surname: "Renamed", mobilePhone: "+44 20 7946 0000" });
    await deltaRun({ created: 0, updated: 1 });
  });

  it("disables and re-enables", async () => {
    await admin.disableUser(tenant.tenantId, ids[1]!);
    await deltaRun({ disabled: 1 });
    await admin.enableUser(tenant.tenantId, ids[1]!);
    await deltaRun({ updated: 1, disabled: 0 });
  });

  it("marks a soft-deleted user removed and brings them back when restored", async () => {
    await admin.softDeleteUser(tenant.tenantId, ids[2]!);
    await deltaRun({ removed: 1 });
    await admin.restoreUser(tenant.tenantId, ids[2]!);
    await deltaRun({ updated: 1, removed: 0 });
  });

  it("marks a hard-deleted user removed, keeping the entry", async () => {
    await admin.hardDeleteUser(tenant.tenantId, ids[3]!);
    await deltaRun({ removed: 1 });
  });

  it("applies a change delivered twice only once", async () => {
    await admin.updateUser(tenant.tenantId, ids[4]!, { jobTitle: "First title" });
    await admin.updateUser(tenant.tenantId, ids[4]!, { jobTitle: "Second title" });
    await admin.updateUser(tenant.tenantId, ids[5]!, { givenName: "Twice" });
    await deltaRun({ updated: 2 });
    // Nothing changed since: a repeated delivery of the same state writes nothing.
    await deltaRun({ created: 0, updated: 0, disabled: 0, removed: 0 });
  });

  it("reads the extra attributes, and a change of only the manager or only an extension attribute is an update", async () => {
    await admin.updateUser(tenant.tenantId, ids[7]!, {
      companyName: "Contoso",
      city: "Redmond",
      country: "United States",
      officeLocation: "18/2111",
      onPremisesExtensionAttributes: { extensionAttribute1: "1234" },
      managerId: ids[8]!,
    });
    await deltaRun({ updated: 1 });
    const entry = async () => (await directoryOf(manager.customerId)).find((e) => e.aadObjectId === ids[7])!;
    expect((await entry()).attributes).toMatchObject({
      companyName: "Contoso",
      city: "Redmond",
      country: "United States",
      officeLocation: "18/2111",
      extensionAttribute1: "1234",
      manager: ids[8],
    });

    await admin.updateUser(tenant.tenantId, ids[7]!, { managerId: ids[9]! });
    const moved = await deltaRun({ updated: 1 });
    expect(await changesOf(moved.id)).toEqual([{ objectId: ids[7], fields: { "attributes.manager": [ids[8], ids[9]] } }]);

    await admin.updateUser(tenant.tenantId, ids[7]!, { onPremisesExtensionAttributes: { extensionAttribute1: null, extensionAttribute2: "5678" } });
    const renumbered = await deltaRun({ updated: 1 });
    expect(await changesOf(renumbered.id)).toEqual([
      { objectId: ids[7], fields: { "attributes.extensionAttribute1": ["1234", null], "attributes.extensionAttribute2": [null, "5678"] } },
    ]);
    expect((await entry()).attributes).not.toHaveProperty("extensionAttribute1");
  });

  it.each(["syncStateNotFound", "gone"] as const)("falls back to a full round when the delta link has expired (%s)", async (answer) => {
    await admin.updateUser(tenant.tenantId, ids[6]!, { department: `After expiry ${answer}` });
    await admin.expireDeltaTokens(tenant.tenantId, answer);
    const run = await syncNow(manager);
    expect(run).toMatchObject({ status: "succeeded", round: "full", updated: 1, removed: 0 });
    await expectDirectoryMatches(admin, tenant.tenantId, manager.customerId);
    await deltaRun({ updated: 0 });
  });
});
