import { createCompany, expect, operator, signInWithForm, test } from "./support/fixtures";

test("a manager reads their company's audit log, searchable; the operator reads every company's and has no company page of it", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit Log" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  const created = page.getByRole("row", { name: /Customer created/ });
  await expect(created).toContainText(operator.portalId);
  await expect(created).toContainText(company.slug);

  await page.getByRole("searchbox").fill("no-such-thing");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No record matches your search.")).toBeVisible();

  await context.clearCookies();
  await signInWithForm(page, operator.portalId, operator.password);
  await page.goto(`/operator/audit?q=${company.slug}`);
  await expect(page.getByRole("row", { name: /Customer created/ })).toContainText(company.name);
  // The operator's own log is not a company's: /audit is not theirs.
  expect((await page.goto("/audit"))!.status()).toBe(404);
});
