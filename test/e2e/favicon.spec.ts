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

  // Every icon the page declares answers; among them the SVG mark.
  const hrefs = await page.locator('head link[rel="icon"]').evaluateAll((links) => links.map((link) => link.getAttribute("href")!));
  expect(hrefs).toEqual(expect.arrayContaining([expect.stringMatching(/^\/icon\.svg/)]));
  for (const href of hrefs) expect((await page.request.get(href)).status(), href).toBe(200);
  const svg = await page.request.get(hrefs.find((href) => href.startsWith("/icon.svg"))!);
  expect(svg.headers()["content-type"]).toContain("image/svg+xml");

  // Browsers and tools that ask for /favicon.ico by habit get the same mark.
  const favicon = await page.request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);

  expect(missing).toEqual([]);
  expect(errors).toEqual([]);
});
