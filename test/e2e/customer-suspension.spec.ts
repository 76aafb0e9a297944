import { createCompany, expect, operator, signInWithForm, submitSignIn, test } from "./support/fixtures";

test("the operator opens a customer, suspends it (its manager is signed out and cannot sign in) and reactivates it", async ({ browser, context, page }) => {
  const company = await createCompany(context);
  // The manager is signed in, in a browser of their own.
  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signInWithForm(managerPage, company.manager.portalId, company.manager.password);

  await signInWithForm(page, operator.portalId, operator.password);
  await page.goto("/operator/customers");
  await page.getByRole("link", { name: company.name }).click();
  await expect(page.getByRole("heading", { name: company.name })).toBeVisible();
  await expect(page.getByText("Active", { exact: true })).toBeVisible();
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByText(`${company.name} is suspended`)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Suspended since/)).toBeVisible();

  // The open session ends on its next request; a new sign-in is refused in plain words.
  await managerPage.goto("/users");
  await expect(managerPage).toHaveURL(/\/sign-in/);
  await submitSignIn(managerPage, company.manager.portalId, company.manager.password);
  await expect(managerPage.getByText(/access to the portal is suspended/)).toBeVisible();

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Reactivate" }).click();
  await expect(page.getByText(`${company.name} is active again.`)).toBeVisible();
  await signInWithForm(managerPage, company.manager.portalId, company.manager.password);
  await managerContext.close();

  await page.goto(`/operator/audit?q=${company.slug}`);
  await expect(page.getByRole("row", { name: /Customer suspended/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /Customer reactivated/ })).toBeVisible();
});
