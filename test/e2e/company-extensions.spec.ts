import { createCompany, expect, fillFields, openForm, signInWithForm, test } from "./support/fixtures";

const takenMessage = "This extension is already used in your company.";

test("an extension is unique in the company: the user form and the directory form refuse a taken one with the same message", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);

  // A user holds 2001.
  await openForm(page, "Add user");
  await fillFields(page, { "Portal ID": "holder", Name: "Holder Person", Extension: "2001", Password: "user-password-12" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByRole("status")).toHaveText(`User Holder Person created: they sign in as holder@${company.slug}.`);

  // A directory entry may not take it…
  await page.getByRole("link", { name: "Company Directory" }).click();
  await openForm(page, "Add entry");
  await fillFields(page, { "Display name": "Reception", Extension: "2001" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByText(takenMessage)).toBeVisible();

  // …takes a free one instead, which a new user may not take in turn.
  await page.getByLabel("Extension").fill("1011");
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByRole("status")).toHaveText("Directory entry Reception created.");

  await page.goto("/users");
  await openForm(page, "Add user");
  await fillFields(page, { "Portal ID": "late", Name: "Late Person", Extension: "1011", Password: "user-password-12" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page.getByText(takenMessage)).toBeVisible();
});
