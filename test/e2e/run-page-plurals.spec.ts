import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("a run's page counts in words that agree with the number: '1 page', never '1 pages'", async ({ context, page }) => {
  await openEntraScreenWithDemoApp(context, page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(page.getByText("Last run")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Details" }).click();

  // The demo tenant's 20 users come in one page of Microsoft Graph.
  const source = page.locator("dt", { hasText: /^Graph$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(source).toHaveText(/^1 page, 20 entries/);
  await expect(page.getByText(/\b1 (pages|entries)\b/)).toHaveCount(0);
});
