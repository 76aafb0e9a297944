import type { Page } from "@playwright/test";
import { createCompany, expect, formAlert, openForm, signInWithForm, submitSignIn, test, type Company } from "./support/fixtures";
import {
  connectAndSync,
  createEntraTenant,
  emulatorAdmin,
  signInWithMicrosoft,
  syncNow,
  turnRealTimeOff,
  type EntraTenant,
  type Person,
} from "./support/microsoft-tenant";

const refusal = (page: Page) => page.getByRole("alert").locator("h1");

async function expectSignedOut(page: Page) {
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session.accountId).toBeUndefined();
}

/** As the company's manager: a portal user linked to an Entra person through the user form's AAD ID picker. */
async function createLinkedUser(page: Page, localPart: string, person: Person) {
  await page.goto("/users/new");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Portal ID").fill(localPart);
  await page.getByLabel("Name").fill(person.displayName.split(" ")[0]!);
  await page.getByLabel("E-mail").fill(person.upn);
  await page.getByLabel("Password", { exact: true }).fill("user-password-1");
  await page.getByLabel("Search Entra accounts").fill(person.displayName.slice(0, 4));
  await page
    .getByRole("list", { name: "Entra accounts" })
    .getByRole("button", { name: new RegExp(person.displayName) })
    .click();
  await expect(page.getByTestId("aad-id-value")).toHaveText(`${person.displayName} (${person.upn})`);
  // The name differs from Entra's: the form shows it, and the manager takes Entra's.
  const differences = page.getByRole("region", { name: "Differences from Entra" });
  await expect(differences).toContainText(person.displayName);
  await differences.getByRole("button", { name: "Update to match Entra" }).click();
  await expect(page.getByLabel("Name")).toHaveValue(person.displayName);
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}/);
  await expect(page.getByRole("status")).toContainText(`User ${person.displayName} created`);
  await page.goto("/users");
}

async function companyWithTenant(
  context: Parameters<typeof createCompany>[0],
  page: Page,
  names: string[],
): Promise<{ company: Company; tenant: EntraTenant }> {
  const [company, tenant] = await Promise.all([createCompany(context), createEntraTenant(names)]);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await connectAndSync(page, tenant);
  return { company, tenant };
}

test("a linked user signs in with Microsoft; an unlinked one is told why; a disabled one no longer gets in", async ({ context, page }) => {
  const { company, tenant } = await companyWithTenant(context, page, ["Lee Linked", "Una Unlinked"]);
  const { Lee, Una } = tenant.people as Record<string, Person>;
  await createLinkedUser(page, "lee", Lee!);
  await expect(page.getByRole("row", { name: /lee@/ })).toContainText(Lee!.upn);
  await page.goto(`/directory?q=Lee`);
  await expect(page.getByRole("row", { name: /Lee Linked/ })).toContainText(`lee@${company.slug}`);
  await context.clearCookies();

  await signInWithMicrosoft(page, company.slug, Lee!.upn);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await page.goto("/me");
  await expect(page.getByRole("heading", { name: "My Information" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(`lee@${company.slug} · User`);
  await expect(page.getByTestId("my-microsoft-account")).toContainText(Lee!.upn);
  await context.clearCookies();

  await signInWithMicrosoft(page, company.slug, Una!.upn);
  await expect(refusal(page)).toHaveText("Your Microsoft account is not linked");
  await expectSignedOut(page);

  // Disabled in Entra and synced: Microsoft itself refuses them now... (Real time off, so the
  // directory changes only with that sync, and not again when Lee is enabled in Entra below.)
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await turnRealTimeOff(page);
  await emulatorAdmin().disableUser(tenant.tenantId, Lee!.id);
  await syncNow(page);
  await context.clearCookies();
  await signInWithMicrosoft(page, company.slug, Lee!.upn);
  await expect(page.getByRole("alert")).toContainText("AADSTS50057");
  // ...and even were Microsoft to let them in, the portal's directory says disabled.
  await emulatorAdmin().enableUser(tenant.tenantId, Lee!.id);
  await signInWithMicrosoft(page, company.slug, Lee!.upn);
  await expect(refusal(page)).toHaveText("Your Microsoft account is disabled");
  await expectSignedOut(page);
});

test("refuses a person of another tenant, a linked person choosing the wrong company, and a company without Microsoft sign-in", async ({
  context,
  page,
  browser,
}) => {
  const a = await companyWithTenant(context, page, ["Lee Linked"]);
  await createLinkedUser(page, "lee", a.tenant.people.Lee!);
  await context.clearCookies();

  // A second company on the same tenant: Lee exists in its directory but is linked in the first company only.
  const sameTenant = await createCompany(context);
  await signInWithForm(page, sameTenant.manager.portalId, sameTenant.manager.password);
  await connectAndSync(page, a.tenant);
  await context.clearCookies();
  await signInWithMicrosoft(page, sameTenant.slug, a.tenant.people.Lee!.upn);
  await expect(refusal(page)).toHaveText("Your Microsoft account is not linked");
  await expectSignedOut(page);

  // Someone of another organisation's tenant, at the first company's: Microsoft does not know them there.
  const other = await createEntraTenant(["Otto Other"]);
  await signInWithMicrosoft(page, a.company.slug, other.people.Otto!.upn);
  await expect(page.getByRole("alert")).toContainText("AADSTS50034");
  await expectSignedOut(page);
  // And a token that claims another tenant is refused by the portal.
  await emulatorAdmin().setFaults(a.tenant.tenantId, { idToken: "otherTenant" });
  try {
    await signInWithMicrosoft(page, a.company.slug, a.tenant.people.Lee!.upn);
    await expect(refusal(page)).toHaveText("Microsoft's answer could not be accepted");
  } finally {
    await emulatorAdmin().clearFaults(a.tenant.tenantId);
  }
  await expectSignedOut(page);

  // A company whose MS AAD settings are not in use offers no Microsoft sign-in.
  const without = await createCompany(context);
  const fresh = await browser.newPage();
  await fresh.goto("/sign-in");
  await fresh.waitForLoadState("networkidle");
  await fresh.getByLabel("Company").fill(`boss@${without.slug}`);
  await fresh.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await expect(formAlert(fresh)).toContainText(`Microsoft sign-in is not enabled for “${without.slug}”`);
  await fresh.close();
});

test("refuses a tampered, expired, wrong-audience or wrong-nonce id_token", async ({ context, page }) => {
  const { company, tenant } = await companyWithTenant(context, page, ["Lee Linked"]);
  await createLinkedUser(page, "lee", tenant.people.Lee!);
  await context.clearCookies();
  for (const flaw of ["tampered", "expired", "wrongAudience", "wrongNonce"] as const) {
    await emulatorAdmin().setFaults(tenant.tenantId, { idToken: flaw });
    try {
      await signInWithMicrosoft(page, company.slug, tenant.people.Lee!.upn);
      await expect(refusal(page), flaw).toHaveText("Microsoft's answer could not be accepted");
      await expectSignedOut(page);
    } finally {
      await emulatorAdmin().clearFaults(tenant.tenantId);
    }
  }
  // The same person, with a sound token, gets in.
  await signInWithMicrosoft(page, company.slug, tenant.people.Lee!.upn);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("a manager links their own login on My Information, then signs in with Microsoft; the company can require it", async ({ context, page }) => {
  const { company, tenant } = await companyWithTenant(context, page, ["Mona Manager"]);
  const mona = tenant.people.Mona!;
  await openForm(page, "My Information");
  await page.getByLabel("Search Entra accounts").fill("Mona");
  await page
    .getByRole("list", { name: "Entra accounts" })
    .getByRole("button", { name: /Mona Manager/ })
    .click();
  await page.getByRole("button", { name: "Save Microsoft account" }).click();
  await expect(page.getByText("Your Microsoft account is saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("aad-id-value")).toHaveText(`Mona Manager (${mona.upn})`);

  // Require Microsoft sign-in for linked logins: the manager's password no longer opens the portal.
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Modify" }).click();
  await page.getByLabel(/Require Microsoft sign-in/).check();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  await context.clearCookies();
  await submitSignIn(page, company.manager.portalId, company.manager.password);
  await expect(formAlert(page)).toContainText("requires Sign in with Microsoft");

  await signInWithMicrosoft(page, company.manager.portalId, mona.upn);
  await openForm(page, "Authority Setting");
  await expect(page.getByRole("link", { name: "MS AAD" })).toBeVisible();
});
