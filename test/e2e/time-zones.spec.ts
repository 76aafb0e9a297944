import { expect, operator, signInOverHttp, signInWithForm, test, unique } from "./support/fixtures";

test("time zones go by their canonical names: an old name typed in is saved as the new one, and the company form shows it selected", async ({
  context,
  page,
}) => {
  const slug = `e2e-${unique()}`;
  await signInOverHttp(context.request, operator.portalId, operator.password);
  await page.goto("/operator/customers");
  await page.getByLabel("Company name").fill(`Company ${slug}`);
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Time zone").fill("Asia/Calcutta");
  await page.getByLabel("Manager portal ID").fill("boss");
  await page.getByLabel("Manager name").fill("Boss Person");
  await page.getByLabel("Manager password").fill("manager-password-1");
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("status")).toContainText(`signs in as boss@${slug}`);
  await expect(page.getByRole("row", { name: new RegExp(slug) })).toContainText("Asia/Kolkata");
  await context.clearCookies();

  await signInWithForm(page, `boss@${slug}`, "manager-password-1");
  await page.goto("/company");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("Asia/Kolkata");
  await expect(zone.locator("option", { hasText: /^Europe\/Kyiv$/ })).toHaveCount(1);
  await expect(zone.locator("option", { hasText: /^(Asia\/Calcutta|Europe\/Kiev)$/ })).toHaveCount(0);
});
