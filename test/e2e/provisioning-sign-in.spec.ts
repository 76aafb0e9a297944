import { createCompany, expect, fillFields, signInWithForm, test } from "./support/fixtures";
import { connectAndSync, createEntraTenant, signInWithMicrosoft, syncNow, type Person } from "./support/microsoft-tenant";

test("a manager turns provisioning on and syncs once: the people are users with extensions and devices, and sign in with Microsoft at the first try", async ({
  context,
  page,
}) => {
  const [company, tenant] = await Promise.all([createCompany(context), createEntraTenant(["Pia Provisioned", "Oli Other"])]);
  const { Pia, Oli } = tenant.people as Record<string, Person>;
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await connectAndSync(page, tenant);

  await page.goto("/authority/entra/provisioning");
  await page.waitForLoadState("networkidle");
  const form = page.getByRole("form", { name: "Provisioning settings" });
  await form.getByRole("radio", { name: "Use", exact: true }).check();
  await fillFields(page, { "Extension range from": "4000", "Extension range to": "4099", Package: "Standard" });
  await form.getByRole("checkbox", { name: "A softphone device" }).check();
  await form.getByRole("checkbox", { name: "A mobile-phone device" }).check();
  await form.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD provisioning saved.")).toBeVisible();

  await syncNow(page);
  // The run page says what provisioning did, per person.
  await page.getByRole("link", { name: "Details" }).click();
  const provisioning = page.locator("section").filter({ has: page.getByRole("heading", { name: "Provisioning", exact: true }) });
  await expect(provisioning.getByRole("link", { name: "User created (2)" })).toBeVisible();
  await expect(provisioning).toContainText("Pia Provisioned");

  await page.goto("/users");
  const pia = page.getByRole("row", { name: /Pia Provisioned/ });
  await expect(pia).toContainText(/400[01]/);
  await expect(page.getByRole("row", { name: /Oli Other/ })).toContainText(/400[01]/);
  await pia.getByRole("link").first().click();
  const devices = page.locator("section").filter({ has: page.getByRole("heading", { name: "Devices", exact: true }) });
  await expect(devices).toContainText("Softphone");
  await expect(devices).toContainText("Mobile phone");

  // Signed out, the person signs in with Microsoft: no manual link, no password.
  await context.clearCookies();
  await signInWithMicrosoft(page, company.slug, Pia!.upn);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/me");
  // Pia's own login, the one provisioning made from her UPN, and linked to her Entra account.
  await expect(page.getByRole("main")).toContainText(`pia@${company.slug}`);
  await expect(page.getByRole("main")).toContainText(`Linked to ${Pia!.upn}`);
  expect(Oli).toBeDefined();
});
