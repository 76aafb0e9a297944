import { expect, test } from "./support/fixtures";

test("a page loads with no console error: the portal has an icon, and /favicon.ico answers", async ({ page }) => {
  const errors: string[] = [];
  const missing: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("response", (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });

  await page.goto("/sign-in");
  await page.waitForLoadState("networkidle");

  const icon = page.locator('head link[rel="icon"]').first();
  const href = await icon.getAttribute("href");
  expect(href).toMatch(/\/icon\.svg/);
  const iconResponse = await page.request.get(href!);
  expect(iconResponse.status()).toBe(200);
  expect(iconResponse.headers()["content-type"]).toContain("image/svg+xml");

  // Browsers and tools that ask for /favicon.ico by habit get the same mark.
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);

  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
