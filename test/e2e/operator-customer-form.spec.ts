import { expect, operator, signInOverHttp, test, unique } from "./support/fixtures";

test("the new-customer form is cleared after a success, so the next customer is not refused as 'already taken'", async ({ context, page }) => {
  await signInOverHttp(context.request, operator.portalId, operator.password);
  await page.goto("/operator/customers");

  for (const slug of [`e2e-${unique()}`, `e2e-${unique()}`]) {
    // Each customer starts from an empty form: nothing of the previous one is left.
    await expect(page.getByLabel("Company name")).toHaveValue("");
    await expect(page.getByLabel("Company ID")).toHaveValue("");
    await page.getByLabel("Company name").fill(`Company ${slug}`);
    await page.getByLabel("Company ID").fill(slug);
    await page.getByLabel("Time zone").fill("Europe/Berlin");
    await page.getByLabel("Manager portal ID").fill("boss");
    await page.getByLabel("Manager name").fill("Boss Person");
    await page.getByLabel("Manager password").fill("manager-password-1");
    await page.getByRole("button", { name: "Create customer" }).click();
    await expect(page.getByRole("status")).toContainText(`signs in as boss@${slug}`);
    await expect(page.getByText("already taken")).toHaveCount(0);
  }
  await expect(page.getByLabel("Company ID")).toHaveValue("");
});
