import { createCompany, expect, fillFields, formAlert, openForm, signInWithForm, test, unique } from "./support/fixtures";

test("the operator creates a customer; its manager manages users and the directory", async ({ context, page }) => {
  const company = await createCompany(context);

  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await expect(page).toHaveURL(/\/users$/);
  await expect(page.getByText(company.name)).toBeVisible();

  // Add a user: the manager lands on the new user's page, told it was created.
  await openForm(page, "Add user");
  await fillFields(page, { "Portal ID": "rich", Name: "Rich Field", Extension: "2101", Password: "user-password-12" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: "Rich Field" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(`User Rich Field created: they sign in as rich@${company.slug}.`);
  // The notice belongs to the creation: a reload of the page does not say it again.
  await expect(page).not.toHaveURL(/notice=/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Rich Field" })).toBeVisible();
  await expect(page.getByRole("status")).toHaveCount(0);
  await page.getByRole("link", { name: "User", exact: true }).click();
  const row = page.getByRole("row", { name: /Rich Field/ });
  await expect(row).toContainText(`rich@${company.slug}`);
  await expect(row).toContainText("2101");

  // A second user with the same extension is refused with a clear message.
  await openForm(page, "Add user");
  await fillFields(page, { "Portal ID": "other", Name: "Other Person", Extension: "2101", Password: "user-password-12" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(formAlert(page)).toContainText("Extension 2101 is already used");

  // Add, find, edit and delete a manual directory entry.
  const name = `Reception ${unique()}`;
  await page.getByRole("link", { name: "Company Directory" }).click();
  await openForm(page, "Add entry");
  await page.getByLabel("Display name").fill(name);
  await page.getByLabel("Office phone").fill("+49 30 1234 5678");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}/);
  await expect(page.getByRole("status")).toHaveText(`Directory entry ${name} created.`);
  await page.getByRole("link", { name: "Company Directory" }).click();

  await page.getByRole("searchbox").fill("1234 5678");
  await page.getByRole("button", { name: "Search" }).click();
  const entry = page.getByRole("row", { name: new RegExp(name) });
  await expect(entry).toContainText("No"); // Sync = No: typed in by hand
  await entry.getByRole("link", { name }).click();
  await page.waitForLoadState("networkidle");

  await page.getByLabel("Extension").fill("1000");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Entry saved.");

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Delete entry" }).click();
  await expect(page).toHaveURL(/\/directory$/);
  await page.getByRole("searchbox").fill(name);
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No entry matches your search.")).toBeVisible();
});

test("a manager adds another manager, who can sign in", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await openForm(page, "Authority Setting");
  await page.getByLabel("Portal ID").fill("deputy");
  await page.getByLabel("Name").fill("Deputy Manager");
  await page.getByLabel("Password").fill("deputy-password-1");
  await page.getByRole("button", { name: "Add manager" }).click();
  await expect(page.getByRole("status")).toContainText(`deputy@${company.slug}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, `deputy@${company.slug}`, "deputy-password-1");
  await expect(page).toHaveURL(/\/users$/);
});

test("My Information changes the name and the password, which needs the current one", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await openForm(page, "My Information");

  await page.getByLabel("Name", { exact: true }).fill("Renamed Boss");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("Your information is saved.");
  await expect(page.getByRole("navigation", { name: "Main" })).toContainText("Renamed Boss");

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Repeat new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(formAlert(page)).toContainText("current password is not correct");

  await page.getByLabel("Current password").fill(company.manager.password);
  await page.getByLabel("New password", { exact: true }).fill("brand-new-password");
  await page.getByLabel("Repeat new password").fill("brand-new-password");
  await page.getByRole("button", { name: "Change password" }).click();
  // The change ends every session of the login, this one too: sign in again with the new password.
  await expect(page).toHaveURL(/\/sign-in\?notice=password_changed/);
  await expect(page.getByRole("status")).toContainText("Your password is changed.");
  await page.goto("/me");
  await expect(page).toHaveURL(/\/sign-in/);
  await signInWithForm(page, company.manager.portalId, "brand-new-password");
  await expect(page).toHaveURL(/\/users$/);
});
