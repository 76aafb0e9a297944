import { createEmulatorAdmin, DEMO_TENANT } from "@/emulator";
import { e2eEmulator } from "./support/e2e-emulator";
import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("a run's 'started' message sits below the buttons without moving them and goes when the run ends; the last sync and the last simulation are both shown", async ({
  context,
  page,
}) => {
  await openEntraScreenWithDemoApp(context, page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();

  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(page.getByText("Last run")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^20 created, 0 updated/)).toBeVisible();
  // The run has ended: its "started" message has gone with it.
  await expect(page.getByText("One-time Sync started.")).toHaveCount(0);

  const simulate = page.getByRole("button", { name: "Simulate" });
  const fullResync = page.getByRole("button", { name: "Full resync" });
  const before = { simulate: await simulate.boundingBox(), fullResync: await fullResync.boundingBox() };
  // Graph slowed down, so the simulation is still going when the message is looked at.
  const admin = createEmulatorAdmin(e2eEmulator.url, e2eEmulator.adminKey);
  await admin.setFaults(DEMO_TENANT.tenantId, { latencyMs: 400 });
  try {
    await simulate.click();
    const started = page.getByRole("status").filter({ hasText: "Simulation started" });
    await expect(started).toBeVisible();
    // One line below the row of buttons, which stay side by side where they were (the card above
    // may grow with the live progress, so only their row moves, never one button aside).
    const after = { simulate: (await simulate.boundingBox())!, fullResync: (await fullResync.boundingBox())! };
    expect((await started.boundingBox())!.y).toBeGreaterThanOrEqual(after.simulate.y + after.simulate.height);
    expect(after.simulate.x).toBe(before.simulate!.x);
    expect(after.fullResync.x).toBe(before.fullResync!.x);
    expect(after.fullResync.y).toBe(after.simulate.y);
  } finally {
    await admin.clearFaults(DEMO_TENANT.tenantId);
  }

  // When the simulation has finished, the message goes; the last sync's outcome stays beside the simulation's.
  await expect(page.getByText("Last simulation")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Simulation — nothing written\. Would have: 0 created/)).toBeVisible();
  await expect(page.getByText("Simulation started")).toHaveCount(0);
  await expect(page.getByText("Last run")).toBeVisible();
  await expect(page.getByText(/^20 created, 0 updated/)).toBeVisible();
});
