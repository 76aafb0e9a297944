import { createCompany, expect, fillFields, signInWithForm, test } from "./support/fixtures";

test("a manager sets the company's phone country, creates a caller-ID key (shown once), and the PBX finds a person by any format of the number", async ({
  context,
  page,
  request,
}) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);

  await page.goto("/company");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Default country for phone numbers").selectOption("US");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status")).toBeVisible();

  await page.goto("/directory/new");
  await page.waitForLoadState("networkidle");
  await fillFields(page, { "Display name": "Rita Reception", "Office phone": "425 555 0100" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}/);
  await page.goto("/directory?q=0014255550100");
  // Found by another format of its number, and shown in the company's own format.
  await expect(page.getByRole("row", { name: /Rita Reception/ })).toContainText("(425) 555-0100");

  // The old address of the screen leads to the Phonebooks screen, where the key now lives.
  await page.goto("/authority/caller-id");
  await expect(page).toHaveURL(/\/authority\/phonebooks$/);
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-caller-id-key-api-key").textContent())!;
  expect(key).toMatch(/^swb_cid_/);
  await page.reload();
  await expect(page.getByTestId("new-caller-id-key-api-key")).toHaveCount(0);
  await expect(page.getByTestId("caller-id-key")).toContainText(key.slice(-4));
  expect(await page.content()).not.toContain(key);

  const lookUp = (k: string) => request.get("/api/v1/caller-id?number=%2B1%20(425)%20555-0100", { headers: { authorization: `Bearer ${k}` } });
  const found = await lookUp(key);
  expect(found.status()).toBe(200);
  expect(await found.json()).toMatchObject({ name: "Rita Reception", matchedField: "officePhone" });
  await expect(page.getByTestId("caller-id-key")).toContainText("last used —");
  // The web process writes a key's uses each second: the screen then shows when it was last used.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("caller-id-key")).not.toContainText("last used —", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No key yet")).toBeVisible();
  expect((await lookUp(key)).status()).toBe(401);
});
