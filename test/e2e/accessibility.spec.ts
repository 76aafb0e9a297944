import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { DEMO_TENANT } from "@/emulator";
import { createCompany, expect, fillFields, operator, signInWithForm, test } from "./support/fixtures";
import { syncNow } from "./support/microsoft-tenant";

/**
 * axe (WCAG 2.0/2.1 A and AA rules) on every page of the portal, as the role
 * that sees it: no serious or critical violation. Each test visits a role's
 * pages in one session and reports every page's findings at once, so a run
 * names all that is wrong rather than the first.
 */
async function violationsOn(page: Page, path: string): Promise<string[]> {
  // Not networkidle: a connector screen keeps asking for its run's progress.
  await page.goto(path);
  await expect(page.locator("h1").first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function checkPages(page: Page, paths: string[]) {
  const found: string[] = [];
  for (const path of paths) found.push(...(await violationsOn(page, path)));
  expect(found).toEqual([]);
}

test("the sign-in pages and the not-found page have no serious accessibility violation", async ({ page }) => {
  await checkPages(page, ["/sign-in", "/sign-in/directory", "/sign-in/refused?error=AccessDenied", "/no-such-page"]);
});

test("the operator's pages have no serious accessibility violation", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, operator.portalId, operator.password);
  await page.goto("/operator/customers");
  await page.getByRole("link", { name: company.name }).click();
  await expect(page.getByRole("heading", { name: company.name })).toBeVisible();
  await checkPages(page, [new URL(page.url()).pathname, "/operator/customers", "/operator/audit", "/me"]);
});

test("a manager's and a user's pages have no serious accessibility violation", async ({ browser, context, page }) => {
  test.setTimeout(240_000); // a sync and twenty pages, each analysed by axe: 38 s on an idle machine
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  // Something on every page: a user, a directory entry, a sync run.
  await page.goto("/users/new");
  await page.waitForLoadState("networkidle");
  await fillFields(page, { "Portal ID": "reader", Name: "Reader Person", Password: "user-password-12" });
  await page.getByRole("button", { name: "Create user" }).click();
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}/);
  const userPath = new URL(page.url()).pathname;
  await page.goto("/directory/new");
  await page.waitForLoadState("networkidle");
  await fillFields(page, { "Display name": "Reception" });
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}/);
  const entryPath = new URL(page.url()).pathname;
  await page.goto("/authority/entra");
  await page.waitForLoadState("networkidle");
  await fillFields(page, { "Tenant ID": DEMO_TENANT.tenantId, "Client ID": DEMO_TENANT.clientId, "Secret Code": DEMO_TENANT.clientSecret });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  await syncNow(page);
  const runPath = await page.getByRole("link", { name: "Details" }).first().getAttribute("href");

  await checkPages(page, [
    "/users",
    "/users/new",
    userPath,
    "/directory",
    "/directory/new",
    entryPath,
    "/company",
    "/audit",
    "/me",
    "/authority/managers",
    "/authority/entra",
    "/authority/entra/history",
    runPath!,
    "/authority/active-directory",
    "/authority/active-directory/history",
    "/authority/scim",
    "/authority/phonebooks",
    "/authority/webhooks",
  ]);

  const userContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.91" } });
  const userPage = await userContext.newPage();
  await signInWithForm(userPage, `reader@${company.slug}`, "user-password-12");
  await checkPages(userPage, ["/directory", "/me"]);
  await userContext.close();
});

/** Presses Tab until the focused element is the one wanted (by role and name), as a keyboard user moves through a page. */
async function tabTo(page: Page, role: string, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return null;
      const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : el.closest("label")?.textContent;
      return {
        tag: el.tagName.toLowerCase(),
        type: el.getAttribute("type"),
        text: (el.getAttribute("aria-label") ?? el.textContent ?? "").trim(),
        label: label?.trim() ?? "",
      };
    });
    if (!focused) continue;
    const isRole = role === "link" ? focused.tag === "a" : role === "button" ? focused.tag === "button" : ["input", "textarea", "select"].includes(focused.tag);
    const matches = role === "field" ? focused.label.startsWith(name) : focused.text === name;
    if (isRole && matches) return;
  }
  throw new Error(`Tab never reached the ${role} "${name}"`);
}

test("keyboard alone: sign in, reach the MS AAD screen and save its settings with Tab and Enter", async ({ context, page }) => {
  const company = await createCompany(context);
  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");
  await tabTo(page, "field", "Portal ID");
  await page.keyboard.type(company.manager.portalId);
  await tabTo(page, "field", "Password");
  await page.keyboard.type(company.manager.password);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/users$/);
  await page.waitForLoadState("networkidle");

  await tabTo(page, "link", "Authority Setting");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/authority\/managers$/);
  await page.waitForLoadState("networkidle");
  await tabTo(page, "link", "MS AAD");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/authority\/entra$/);
  await page.waitForLoadState("networkidle");

  await tabTo(page, "field", "Tenant ID");
  await page.keyboard.type(DEMO_TENANT.tenantId);
  await tabTo(page, "field", "Client ID");
  await page.keyboard.type(DEMO_TENANT.clientId);
  await tabTo(page, "field", "Secret Code");
  await page.keyboard.type(DEMO_TENANT.clientSecret);
  await tabTo(page, "button", "Save");
  await page.keyboard.press("Enter");
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
});
