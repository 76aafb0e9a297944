import { fieldLabels } from "@/components/sync/field-labels";
import { syncedFieldNames } from "@/lib/sync/synced-fields";
import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("a run's page names fields as people do, counts in words that agree with the number, and stays short for 20 entries", async ({ context, page }) => {
  await openEntraScreenWithDemoApp(context, page);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(page.getByText("Last run")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("link", { name: "Details" }).click();

  // The demo tenant's 20 users fit in one delta page: counted in words, never "1 pages".
  const source = page.locator("dt", { hasText: /^Graph$/ }).locator("xpath=following-sibling::dd[1]");
  await expect(source).toHaveText(/^1 page, 20 entries/);
  await expect(page.locator("dt", { hasText: /^Read as$/ }).locator("xpath=following-sibling::dd[1]")).toHaveText(
    "One delta walk: the tenant's 20 people fit in one page.",
  );
  await expect(page.getByText(/\b1 (pages|entries)\b/)).toHaveCount(0);

  // Labels, not the code's field names.
  const created = page.getByRole("region", { name: "Created" });
  const megan = created.getByRole("listitem").filter({ hasText: "Megan Bowen" });
  await expect(megan.getByRole("listitem").filter({ hasText: /^Job title: Auditor$/ })).toBeVisible();
  await expect(megan.getByRole("listitem").filter({ hasText: /^Office phone: \+1 412 555 0109$/ })).toBeVisible();
  const text = await page.locator("main").innerText();
  for (const name of [...syncedFieldNames, "status", "attributes"]) expect(text, `the field name ${name}`).not.toMatch(new RegExp(`\\b${name}\\b`));
  expect(Object.values(fieldLabels)).toContain("User principal name");

  // All 20 on one page under their kind's heading, a line or two each: no 5,000 px scroll.
  await expect(created.locator(":scope > ul > li")).toHaveCount(20);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThan(2_500);

  // A page past the end shows the last one.
  await page.goto(`${page.url()}?page=99`);
  await expect(page.getByRole("region", { name: "Created" }).locator(":scope > ul > li")).toHaveCount(20);
  await expect(page.getByRole("navigation", { name: "Pages" })).toContainText("20 entries · page 1 of 1");
});
