import { baseURL } from "../../playwright.config";
import { createCompany, expect, signInWithForm, test } from "./support/fixtures";

test("the SCIM token, the tenant URL and the redirect URI each have a button that copies them exactly", async ({ context, page }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);

  await page.goto("/authority/scim");
  await page.getByRole("button", { name: "Copy the tenant URL" }).click();
  expect(await clipboard()).toBe(`${baseURL}/api/scim/v2`);
  await page.getByLabel("Token name").fill("Copied token");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-scim-token").textContent())!;
  await page.getByRole("button", { name: "Copy the token" }).click();
  await expect(page.getByRole("button", { name: "Copy the token" })).toHaveText("Copied");
  expect(await clipboard()).toBe(token);

  await page.goto("/authority/entra");
  await page.getByRole("button", { name: "Copy the redirect URI" }).click();
  expect(await clipboard()).toMatch(/\/api\/auth\/callback\/azure-ad$/);
});
