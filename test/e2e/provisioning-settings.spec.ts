import { createCompany, expect, fillFields, formAlert, signInWithForm, test } from "./support/fixtures";

test("a manager opens MS AAD → Provisioning, is told on the field what is wrong with a range, saves good settings and finds them after a reload", async ({
  context,
  page,
}) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: "Provisioning" }).click();
  await expect(page).toHaveURL(/\/authority\/entra\/provisioning$/);
  await page.waitForLoadState("networkidle");
  // Its connector's tab and the Authority Setting menu item stay lit.
  await expect(page.getByRole("navigation", { name: "Authority settings" }).getByRole("link", { name: "MS AAD" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Authority Setting" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("provisioning-state")).toContainText("Not set up yet.");

  // A range whose end is below its start: the message is on the field, and nothing is saved.
  const form = page.getByRole("form", { name: "Provisioning settings" });
  await form.getByRole("radio", { name: "Use", exact: true }).check();
  await fillFields(page, { "Extension range from": "7100", "Extension range to": "7000", Package: "Standard" });
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(formAlert(page)).toHaveText("Please correct the highlighted fields.");
  await expect(page.locator("#field-rangeEnd-error")).toHaveText("The end of the range must not be below its start.");
  await expect(page.getByLabel("Extension range to", { exact: true })).toHaveAttribute("aria-invalid", "true");
  // What was typed stays on the form to be corrected.
  await expect(page.getByLabel("Package", { exact: true })).toHaveValue("Standard");

  await fillFields(page, { "Extension range to": "7199", "Grace period (days)": "14" });
  await form.getByRole("checkbox", { name: "A softphone device" }).check();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD provisioning saved.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Modify" })).toBeVisible();
  await expect(page.locator("#field-rangeEnd-error")).toHaveCount(0);

  await page.reload();
  await expect(page.getByTestId("provisioning-state")).toContainText("In use");
  await expect(form.getByRole("radio", { name: "Use", exact: true })).toBeChecked();
  await expect(page.getByLabel("Extension range from", { exact: true })).toHaveValue("7100");
  await expect(page.getByLabel("Extension range to", { exact: true })).toHaveValue("7199");
  await expect(page.getByLabel("Package", { exact: true })).toHaveValue("Standard");
  await expect(page.getByLabel("Grace period (days)", { exact: true })).toHaveValue("14");
  await expect(form.getByRole("checkbox", { name: "A softphone device" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "A mobile-phone device" })).not.toBeChecked();
  // Read-only until Modify, like the connector forms.
  await expect(page.getByLabel("Package", { exact: true })).toBeDisabled();
});
