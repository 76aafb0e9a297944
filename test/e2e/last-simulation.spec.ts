import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("the last simulation stays on the connector screen after a real run, marked as made before it", async ({ context, page }) => {
  await openEntraScreenWithDemoApp(context, page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();

  await page.getByRole("button", { name: "Simulate" }).click();
  await expect(page.getByText("Last simulation")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Simulation — nothing written\. Would have: 20 created/)).toBeVisible();
  await expect(page.getByText(/^Made before the latest sync/)).toHaveCount(0);

  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(page.getByText("Last run")).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByText(/^20 created, 0 updated/)).toBeVisible();
  await expect(page.getByText("Last simulation")).toBeVisible();
  await expect(page.getByText(/^Simulation — nothing written\. Would have: 20 created/)).toBeVisible();
  await expect(page.getByText(/^Made before the latest sync: simulate again/)).toBeVisible();
});
