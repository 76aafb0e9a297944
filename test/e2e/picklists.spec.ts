import { createCompany, expect, fillFields, openForm, signInWithForm, test } from "./support/fixtures";

test("a manager keeps the company's packages, user types and sites; the user form offers them and keeps a value not on the list", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);

  // Before there is a list, a package is free text.
  await openForm(page, "Add user");
  await fillFields(page, { "Portal ID": "legacy", Name: "Legacy Person", Password: "user-password-12", Package: "Legacy" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toContainText("User Legacy Person created");
  const legacyUser = page.url().replace(/\?.*$/, "");

  await page.goto("/company");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Packages").fill("Basic\nPro\n\nPro");
  await page.getByLabel("Sites").fill("Berlin\nTokyo");
  await page.getByRole("button", { name: "Save lists" }).click();
  await expect(page.getByRole("status")).toHaveText("Lists saved.");
  await page.reload();
  await expect(page.getByLabel("Packages")).toHaveValue("Basic\nPro");

  // The form now offers the lists; a field without one (user type) stays free text.
  await page.goto("/users/new");
  await page.waitForLoadState("networkidle");
  const packageField = page.getByLabel("Package");
  await expect(packageField.locator("option")).toHaveText(["—", "Basic", "Pro"]);
  await fillFields(page, { "Portal ID": "picked", Name: "Picked Person", Password: "user-password-12", "User type": "Agent" });
  await packageField.selectOption("Pro");
  await page.getByLabel("Site").selectOption("Tokyo");
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toContainText("User Picked Person created");
  await expect(page.getByLabel("Package")).toHaveValue("Pro");
  await expect(page.getByLabel("Site")).toHaveValue("Tokyo");

  // The first user keeps "Legacy", offered beside the list and saved unchanged.
  await page.goto(legacyUser);
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Package")).toHaveValue("Legacy");
  await expect(page.getByLabel("Package").locator("option:checked")).toHaveText("Legacy (not in the list)");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("User saved.");
});
