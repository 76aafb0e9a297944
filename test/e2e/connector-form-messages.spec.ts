import { DEMO_TENANT } from "@/emulator";
import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("a Test-connection error goes away when the next attempt is made: a message belongs to the attempt that made it", async ({ context, page }) => {
  await openEntraScreenWithDemoApp(context, page, { clientId: "99999999-2222-3333-4444-555555555555" });
  await page.getByRole("button", { name: "Test connection" }).click();
  const alerts = page.locator("form [role=alert]");
  await expect(alerts).toContainText("AADSTS700016");

  await page.getByLabel("Client ID").fill(DEMO_TENANT.clientId);
  await page.getByLabel("Tenant ID").fill("not-a-tenant");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("The tenant ID is a GUID")).toBeVisible();
  await expect(page.getByText(/AADSTS700016|No application with this client ID/)).toHaveCount(0);

  // And the other way round: a Test connection replaces what the Save said.
  await page.getByLabel("Tenant ID").fill(DEMO_TENANT.tenantId);
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByText(/Connected\. Microsoft Graph can read users/)).toBeVisible();
  await expect(page.getByText("The tenant ID is a GUID")).toHaveCount(0);
  await expect(page.getByText("Please correct the highlighted fields.")).toHaveCount(0);
});
