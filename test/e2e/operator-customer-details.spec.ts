import { createCompany, expect, operator, signInWithForm, test } from "./support/fixtures";

test("the operator renames a customer, moves it to another time zone and sets its packages; its manager sees all three", async ({ browser, context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, operator.portalId, operator.password);
  await page.goto("/operator/customers");
  await page.getByRole("link", { name: company.name }).click();
  await page.waitForLoadState("networkidle");

  const renamed = `${company.name} GmbH`;
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByLabel("Company name").fill(renamed);
  await page.getByLabel("Time zone").selectOption("Asia/Kolkata");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText(`${renamed} saved.`);
  await expect(page.getByRole("heading", { name: renamed })).toBeVisible();

  // An empty name is refused on the field, and nothing is saved.
  await page.getByLabel("Company name").fill(" ");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Company name is required.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Company name")).toHaveValue(renamed);
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");

  // Its packages, user types and sites: the operator's to set, as the manager's.
  await page.getByLabel("Packages").fill("Gold\nSilver");
  await page.getByRole("button", { name: "Save lists" }).click();
  await expect(page.getByText("Lists saved.")).toBeVisible();

  const managerContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const managerPage = await managerContext.newPage();
  await signInWithForm(managerPage, company.manager.portalId, company.manager.password);
  await managerPage.goto("/company");
  await expect(managerPage.getByLabel("Company name")).toHaveValue(renamed);
  await expect(managerPage.getByLabel("Time zone")).toHaveValue("Asia/Kolkata");
  await expect(managerPage.getByLabel("Packages")).toHaveValue("Gold\nSilver");
  await managerContext.close();
});
