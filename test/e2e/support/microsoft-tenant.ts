import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "@playwright/test";
import { createEmulatorAdmin, DEMO_TENANT } from "@/emulator";
import { e2eEmulator } from "./e2e-emulator";
import { createCompany, expect, signInWithForm } from "./fixtures";

export const emulatorAdmin = () => createEmulatorAdmin(e2eEmulator.url, e2eEmulator.adminKey);

export const entraPassword = "Entra-Passw0rd!";

export type Person = { id: string; upn: string; displayName: string };
export type EntraTenant = { tenantId: string; clientId: string; clientSecret: string; domain: string; people: Record<string, Person> };

/**
 * A tenant of its own in the e2e emulator, so disabling someone in one test
 * changes nothing for another: an app registered with the portal's redirect
 * URI (Entra ignores the port of a localhost URI) and the named people.
 */
export async function createEntraTenant(names: string[]): Promise<EntraTenant> {
  const admin = emulatorAdmin();
  const domain = `t${randomUUID().slice(0, 8)}.example`;
  const tenant = await admin.createTenant({ displayName: `E2E ${domain}`, domains: [domain] });
  const app = await admin.createApp(tenant.id, {
    displayName: "Switchboard e2e",
    permissions: ["User.Read.All"],
    redirectUris: ["http://localhost:3000/api/auth/callback/azure-ad"],
    secret: {},
  });
  const people: Record<string, Person> = {};
  for (const name of names) {
    const [givenName, surname] = name.split(" ");
    const upn = `${givenName!.toLowerCase()}@${domain}`;
    const user = await admin.createUser(tenant.id, { userPrincipalName: upn, displayName: name, givenName, surname, mail: upn, password: entraPassword });
    people[givenName!] = { id: user.id, upn, displayName: name };
  }
  return { tenantId: tenant.id, clientId: app.clientId, clientSecret: app.secret!.value, domain, people };
}

/** As the signed-in manager: MS AAD settings with Usage = Use, saved, then one sync to its end. */
export async function connectAndSync(page: Page, tenant: EntraTenant) {
  await connect(page, tenant);
  await syncNow(page);
}

/** As the signed-in manager: MS AAD settings with Usage = Use, saved (real time, when the portal has a PUBLIC_URL, follows on its own). */
export async function connect(page: Page, tenant: EntraTenant) {
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Use", { exact: true }).check();
  await page.getByLabel("Tenant ID").fill(tenant.tenantId);
  await page.getByLabel("Client ID").fill(tenant.clientId);
  await page.getByLabel("Secret Code").fill(tenant.clientSecret);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
}

/**
 * The MS AAD screen's Real time switch turned off: from then on no change
 * notification starts a run (the portal refuses those of a switched-off
 * customer), so the directory keeps what the last run read until the next one.
 */
export async function turnRealTimeOff(page: Page) {
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByRole("button", { name: "Turn real time off" }).click();
  await expect(page.getByText("Real time turned off. The schedule keeps running.")).toBeVisible();
  await expect(page.getByTestId("real-time-state")).toHaveText(/^Off: /);
}

/** One-time Sync on the MS AAD screen, waiting until a new run has succeeded. */
export async function syncNow(page: Page) {
  await page.goto("/authority/entra");
  const details = page.getByRole("link", { name: "Details" });
  const before = (await details.count()) > 0 ? await details.getAttribute("href") : null;
  await page.getByRole("button", { name: "One-time Sync" }).click();
  await expect(async () => {
    await page.reload();
    expect(await details.getAttribute("href", { timeout: 1000 })).not.toBe(before);
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText("Last run").locator("..")).toContainText("Succeeded");
}

/** The whole Sign in with Microsoft round trip, through the emulator's own sign-in page. */
export async function signInWithMicrosoft(page: Page, company: string, login: string, password = entraPassword) {
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Company").fill(company);
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * A new company's manager on the MS AAD screen with the demo tenant's app typed
 * in (its own values where given), nothing saved yet: what the screen's tests start from.
 */
export async function openEntraScreenWithDemoApp(context: BrowserContext, page: Page, app: { clientId?: string; clientSecret?: string } = {}) {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Tenant ID").fill(DEMO_TENANT.tenantId);
  await page.getByLabel("Client ID").fill(app.clientId ?? DEMO_TENANT.clientId);
  await page.getByLabel("Secret Code").fill(app.clientSecret ?? DEMO_TENANT.clientSecret);
  return company;
}
