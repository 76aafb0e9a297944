import { createCompany, expect, signInWithForm, test } from "./support/fixtures";
import { connectAndSync, createEntraTenant } from "./support/microsoft-tenant";

test("Authority Setting stays lit in the menu on every tab, and a run's page belongs to its history and leads back to it", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  const menu = page.getByRole("navigation", { name: "Main" });
  const tabs = page.getByRole("navigation", { name: "Authority settings" });

  for (const path of [
    "/authority/managers",
    "/authority/entra",
    "/authority/entra/history",
    "/authority/active-directory",
    "/authority/scim",
    "/authority/phonebooks",
  ]) {
    await page.goto(path);
    await expect(menu.getByRole("link", { name: "Authority Setting" }), path).toHaveAttribute("aria-current", "page");
    await expect(menu.locator("[aria-current=page]"), path).toHaveCount(1);
  }

  const tenant = await createEntraTenant(["Nina Navigate"]);
  await connectAndSync(page, tenant);
  await page.getByRole("link", { name: "Details" }).click();
  await expect(page).toHaveURL(/\/authority\/entra\/runs\//);
  await expect(tabs.getByRole("link", { name: "Sync history" })).toHaveAttribute("aria-current", "page");
  await expect(tabs.getByRole("link", { name: "MS AAD" })).not.toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Authority Setting" })).toHaveAttribute("aria-current", "page");

  await page.getByRole("link", { name: "← Sync history" }).click();
  await expect(page).toHaveURL(/\/authority\/entra\/history$/);
  await expect(page.getByRole("row", { name: /One-time Sync/ })).toContainText("Succeeded");
});
