import { createCompany, expect, openForm, signInWithForm, test } from "./support/fixtures";
import { e2eEmulator } from "./support/e2e-emulator";

const nonceOf = (policy: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];

test("every page answers with a Content-Security-Policy of its own fresh nonce, which its scripts carry, and a Permissions-Policy", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/sign-in", "/sign-in", "/sign-in/directory", "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const policy = headers["content-security-policy"] ?? "";
    const nonce = nonceOf(policy);
    expect(nonce, `nonce in the CSP of ${path}`).toBeTruthy();
    nonces.add(nonce!);
    for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", `form-action 'self' ${e2eEmulator.url}`, "'strict-dynamic'"]) {
      expect(policy).toContain(directive);
    }
    expect(policy).not.toContain("unsafe-inline");
    expect(headers["permissions-policy"]).toContain("camera=()");
    expect(headers["permissions-policy"]).toContain("geolocation=()");

    // Next.js stamps its scripts with the response's own nonce; none is without it.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size, "a fresh nonce per response").toBe(4);
});

test("the portal's pages run under the policy without a complaint in the console", async ({ context, page }) => {
  // The fixture fails the test on any CSP or Permissions-Policy message in the console.
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await expect(page).toHaveURL(/\/users$/);
  await openForm(page, "My Information");
  await expect(page.getByRole("button", { name: "Sign out of all sessions" })).toBeVisible();
  await openForm(page, "Company Directory");
  await expect(page).toHaveURL(/\/directory/);
});

test("sign-out of all sessions ends the session in every browser", async ({ browser, context, page, clientAddress }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": clientAddress } });
  const otherPage = await elsewhere.newPage();
  await signInWithForm(otherPage, company.manager.portalId, company.manager.password);

  await openForm(page, "My Information");
  await page.getByRole("button", { name: "Sign out of all sessions" }).click();
  await expect(page).toHaveURL(/\/sign-in\?notice=signed_out_everywhere/);
  await expect(page.getByRole("status")).toContainText("You are signed out of all sessions.");

  await otherPage.goto("/users");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await elsewhere.close();
});
