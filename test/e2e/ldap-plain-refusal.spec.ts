import { createCompany, expect, signInWithForm, test } from "./support/fixtures";

// StartTLS is decided on the form, before any connection: no domain controller is needed.
test("the plain-LDAP refusal is printed once, on Test connection and on Save", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.goto("/authority/active-directory");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Server address").fill("ldap://127.0.0.1:389");
  await page.getByLabel("Base DN").fill("OU=People,DC=example,DC=com");
  await page.getByLabel("Proxy user").fill("EXAMPLE\\reader");
  await page.getByLabel("Proxy password").fill("Reader-Password-1");

  const refusal = page.getByText("Plain LDAP would send passwords in clear");
  for (const button of ["Test connection", "Save"]) {
    await page.getByRole("button", { name: button, exact: true }).click();
    await expect(refusal.first()).toBeVisible();
    await expect(refusal).toHaveCount(1);
  }
});
