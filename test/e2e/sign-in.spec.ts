import { createCompany, expect, formAlert, signInWithForm, submitSignIn, test, unique } from "./support/fixtures";

test("a wrong password is refused with a message that does not reveal the portal ID", async ({ page }) => {
  await submitSignIn(page, "admin@contoso", "wrong-password");
  await expect(formAlert(page)).toHaveText("The portal ID or password is incorrect.");
  await submitSignIn(page, `nobody-${unique()}@contoso`, "wrong-password");
  await expect(formAlert(page)).toHaveText("The portal ID or password is incorrect.");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("ten failures lock the portal ID, even for the right password", async ({ context, page }) => {
  const company = await createCompany(context);
  for (let i = 0; i < 10; i++) {
    await submitSignIn(page, company.manager.portalId, `wrong-${i}`);
    await expect(formAlert(page)).toHaveText("The portal ID or password is incorrect.");
  }
  await submitSignIn(page, company.manager.portalId, company.manager.password);
  await expect(formAlert(page)).toContainText("Too many failed sign-in attempts. Please wait 15 minutes");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("signing out ends the session", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await expect(page).toHaveURL(/\/users$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in/);
});
