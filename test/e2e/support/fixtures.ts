import { randomUUID } from "node:crypto";
import { test as base, expect, type APIRequestContext, type BrowserContext, type Page } from "@playwright/test";
import { demoLogins, demoPassword } from "@/scripts/demo/seed-demo";

/**
 * Every test is its own client: a distinct X-Forwarded-For, as a reverse proxy
 * would set it, so the per-address sign-in limit of one test never locks out another.
 */
export const test = base.extend<{ clientAddress: string; policyComplaints: string[] }>({
  clientAddress: async ({}, use) => {
    await use(`198.51.100.${Math.floor(Math.random() * 250) + 1}, 10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`);
  },
  /**
   * What Chromium said about our Content-Security-Policy or Permissions-Policy
   * on any page of the test: every test ends with none, so a policy that
   * blocks something the portal needs fails the test that needs it.
   */
  policyComplaints: async ({}, use) => {
    const complaints: string[] = [];
    await use(complaints);
    expect(complaints, "Content-Security-Policy / Permissions-Policy complaints in the console").toEqual([]);
  },
  context: async ({ context, clientAddress, policyComplaints }, use) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": clientAddress });
    context.on("console", (message) => {
      if (/Content Security Policy|Content-Security-Policy|Permissions-Policy/i.test(message.text()))
        policyComplaints.push(`${message.page()?.url()}: ${message.text()}`);
    });
    await use(context);
  },
});
export { expect };

export const unique = () => randomUUID().slice(0, 8);
export const operator = { portalId: demoLogins.operator, password: demoPassword };

/** Signs in over HTTP, for tests where the sign-in page itself is not under test. */
export async function signInOverHttp(request: APIRequestContext, portalId: string, password: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const response = await request.post("/api/auth/callback/password", {
    form: { csrfToken, portalId, password, json: "true" },
  });
  expect(response.ok(), `sign-in of ${portalId}`).toBeTruthy();
  const session = await (await request.get("/api/auth/session")).json();
  expect(session.accountId, `session of ${portalId}`).toBeTruthy();
}

/** Fills in and submits the sign-in page, as a person does; the outcome is the caller's to check. */
export async function submitSignIn(page: Page, portalId: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Portal ID").fill(portalId);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Signs in through the sign-in page and waits until the portal has opened. */
export async function signInWithForm(page: Page, portalId: string, password: string) {
  await submitSignIn(page, portalId, password);
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/**
 * Follows a link to a form and waits until the router has settled: Next.js may
 * render a freshly navigated page twice (prefetched, then complete), and text
 * typed between the two is lost, as it would be for a very fast person.
 */
export async function openForm(page: Page, linkName: string) {
  await page.getByRole("link", { name: linkName }).click();
  await page.waitForLoadState("networkidle");
}

/**
 * Fills labelled fields and checks they all still hold their values before
 * going on: a field typed into while Next.js renders the page a second time
 * (see openForm) can lose its text, and the form would then not submit.
 */
export async function fillFields(page: Page, values: Record<string, string>) {
  await expect(async () => {
    for (const [label, value] of Object.entries(values)) {
      const field = page.getByLabel(label, { exact: true });
      if ((await field.inputValue()) !== value) await field.fill(value);
    }
    for (const [label, value] of Object.entries(values)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(value, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

/** The message a form shows after a submit (not Next.js's own route announcer, which is an alert too). */
export const formAlert = (page: Page) => page.locator("form [role=alert]");

export type Company = { slug: string; name: string; timeZone: string; manager: { portalId: string; password: string } };

/** A fresh customer with its first manager, created by the operator through the screen. */
export async function createCompany(context: BrowserContext): Promise<Company> {
  const page = await context.newPage();
  await signInOverHttp(context.request, operator.portalId, operator.password);
  const slug = `e2e-${unique()}`;
  const company = { slug, name: `Company ${slug}`, timeZone: "Europe/Berlin", manager: { portalId: `boss@${slug}`, password: "manager-password-1" } };
  await page.goto("/operator/customers");
  await page.getByLabel("Company name").fill(company.name);
  await page.getByLabel("Company ID").fill(slug);
  await page.getByLabel("Time zone").fill(company.timeZone);
  await page.getByLabel("Manager portal ID").fill("boss");
  await page.getByLabel("Manager name").fill("Boss Person");
  await page.getByLabel("Manager password").fill(company.manager.password);
  await page.getByRole("button", { name: "Create customer" }).click();
  await expect(page.getByRole("status")).toContainText(`signs in as ${company.manager.portalId}`);
  await context.clearCookies();
  await page.close();
  return company;
}
