import { createCompany, expect, fillFields, signInWithForm, test } from "./support/fixtures";

test("a manager chooses what the phonebooks publish, creates their credentials (each shown once), and a Yealink phone downloads the directory with them", async ({
  context,
  page,
  request,
}) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);

  await page.goto("/directory/new");
  await page.waitForLoadState("networkidle");
  await fillFields(page, { "Display name": "Rita <Reception> & Co", "Office phone": "+1 425 555 0100", "Mobile phone": "+1 425 555 0199" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}/);

  await page.goto("/authority/phonebooks");
  await page.waitForLoadState("networkidle");
  // Typed-in entries are not published until the company says so; mobile numbers are, until it hides them.
  await page.getByLabel("Include entries typed in here (not synced)").check();
  await page.getByLabel("Hide mobile numbers").check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();

  await page.getByRole("button", { name: "Create secret" }).click();
  const address = (await page.getByTestId("new-phonebook-secret-yealink-address").textContent())!;
  const secret = (await page.getByTestId("new-phonebook-secret-secret").textContent())!;
  expect(address).toMatch(new RegExp(`/phonebook/${secret}/yealink\\.xml$`));
  await page.reload();
  await expect(page.getByTestId("new-phonebook-secret-secret")).toHaveCount(0);
  await expect(page.getByTestId("phonebook-secret")).toContainText(secret.slice(-4));
  expect(await page.content()).not.toContain(secret);

  // The phone asks the address it was given: the directory, escaped, without the hidden mobile number.
  const download = await request.get(address);
  expect(download.status()).toBe(200);
  const xml = await download.text();
  expect(xml).toContain("<YealinkIPPhoneDirectory");
  expect(xml).toContain("Rita &lt;Reception&gt; &amp; Co");
  expect(xml).toContain("+14255550100");
  expect(xml).not.toContain("+14255550199");
  // A phone that signs in with HTTP Basic gets the same phonebook.
  const basic = await request.get("/api/v1/phonebook/yealink.xml", {
    headers: { authorization: `Basic ${Buffer.from(`${company.slug}:${secret}`).toString("base64")}` },
  });
  expect(await basic.text()).toBe(xml);

  await page.getByRole("button", { name: "Create password" }).click();
  await expect(page.getByTestId("new-ldap-password-bind-password")).toContainText(/^swb_ldap_/);
  await expect(page.getByText(`cn=phones,o=${company.slug},dc=switchboard`)).toBeVisible();

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Revoke secret" }).click();
  await expect(page.getByTestId("phonebook-secret")).toContainText("No secret yet");
  expect((await request.get(address)).status()).toBe(401);
});
