import { createEmulatorAdmin, DEMO_TENANT } from "@/emulator";
import { e2eEmulator } from "./support/e2e-emulator";
import { createCompany, expect, openForm, signInWithForm, test } from "./support/fixtures";

const admin = () => createEmulatorAdmin(e2eEmulator.url, e2eEmulator.adminKey);

test("a manager connects the demo tenant, syncs it, watches progress and reads what changed", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await openForm(page, "Authority Setting");
  await openForm(page, "MS AAD");
  await expect(page.getByText("No sync has run yet")).toBeVisible();

  await page.getByLabel("Tenant ID").fill(DEMO_TENANT.tenantId);
  await page.getByLabel("Client ID").fill(DEMO_TENANT.clientId);
  await page.getByLabel("Secret Code").fill(DEMO_TENANT.clientSecret);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Connected\. Microsoft Graph can read users/)).toBeVisible();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  // The secret never comes back to the browser: the field is empty, a mask says one is stored.
  await expect(page.getByLabel("Secret Code")).toHaveValue("");
  expect(await page.content()).not.toContain(DEMO_TENANT.clientSecret);

  // Slow Graph down so the live progress has something to show.
  await admin().setFaults(DEMO_TENANT.tenantId, { latencyMs: 400 });
  try {
    await page.getByRole("button", { name: "One-time Sync" }).click();
    await expect(page.getByRole("status").filter({ hasText: "pages fetched" })).toBeVisible();
  } finally {
    await admin().clearFaults(DEMO_TENANT.tenantId);
  }
  await expect(page.getByText("Last run")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/20 created, 0 updated/)).toBeVisible();

  await page.getByRole("link", { name: "Details" }).click();
  await expect(page.getByText("Megan Bowen", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Created", exact: true }).click();
  await expect(page.getByRole("listitem").filter({ hasText: /^E-mail: MeganB@contoso\.onmicrosoft\.com$/ })).toBeVisible();

  await openForm(page, "Company Directory");
  await page.getByRole("searchbox").fill("Megan");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row", { name: /Megan Bowen/ })).toContainText("Yes");

  await openForm(page, "Authority Setting");
  await openForm(page, "Sync history");
  await expect(page.getByRole("img", { name: /Last 1 runs/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /One-time Sync/ })).toContainText("Succeeded");
});

test("a wrong secret is explained on the screen, on Test connection and on a failed run", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Tenant ID").fill(DEMO_TENANT.tenantId);
  await page.getByLabel("Client ID").fill(DEMO_TENANT.clientId);
  await page.getByLabel("Secret Code").fill("Not-The-Secret~123");
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.locator("form [role=alert]")).toContainText("The client secret is wrong");
  await expect(page.locator("form [role=alert]")).toContainText("AADSTS7000215");

  await page.getByLabel("Tenant ID").fill("not-a-guid");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("The tenant ID is a GUID")).toBeVisible();
  await expect(page.getByLabel("Client ID")).toHaveValue(DEMO_TENANT.clientId); // what was typed stays

  await page.getByLabel("Tenant ID").fill(DEMO_TENANT.tenantId);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The client secret is wrong" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("(AADSTS7000215)")).toBeVisible();
});
