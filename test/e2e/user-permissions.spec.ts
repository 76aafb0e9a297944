import type { Request } from "@playwright/test";
import { createCompany, expect, signInOverHttp, signInWithForm, test, unique } from "./support/fixtures";

test("a user reads the directory but cannot reach manager screens or run manager actions", async ({ browser, context, page }) => {
  const company = await createCompany(context);

  // The manager creates a user and, on the way, records the exact request the
  // browser sends for the "create user" server action.
  await signInOverHttp(context.request, company.manager.portalId, company.manager.password);
  await page.goto("/users/new");
  await page.getByLabel("Portal ID").fill("reader");
  await page.getByLabel("Name").fill("Reader Person");
  await page.getByLabel("Password").fill("reader-password-1");
  const actionRequest = page.waitForRequest((r: Request) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByRole("button", { name: "Create user" }).click();
  const recorded = await actionRequest;
  await expect(page).toHaveURL(/\/users\/[0-9a-f-]{36}/);

  const userContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250) + 1}` } });
  const userPage = await userContext.newPage();
  await signInWithForm(userPage, `reader@${company.slug}`, "reader-password-1");
  await expect(userPage).toHaveURL(/\/directory$/);
  const menu = userPage.getByRole("navigation", { name: "Main" });
  await expect(menu.getByRole("link", { name: "Company Directory" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "User", exact: true })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Authority Setting" })).toHaveCount(0);
  await expect(userPage.getByRole("link", { name: "Add entry" })).toHaveCount(0);

  // Direct URLs of manager screens answer "not found".
  for (const path of ["/users", "/users/new", "/directory/new", "/authority/managers", "/operator/customers"]) {
    await userPage.goto(path);
    await expect(userPage.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
  }

  // Replaying the manager's server-action request with the user's session is refused...
  const body = recorded.postDataBuffer()!.toString("latin1").replaceAll("reader", `sneaky${unique()}`);
  const replay = await userContext.request.post(recorded.url(), {
    headers: recorded.headers(),
    data: Buffer.from(body, "latin1"),
  });
  expect(await replay.text()).toContain("You do not have permission to do that.");

  // ...and created nothing.
  await page.goto("/users?q=sneaky");
  await expect(page.getByText("No user matches your search.")).toBeVisible();
  await userContext.close();
});

test("a directory entry named like markup is shown as text, not run", async ({ context, page }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  let alerted = false;
  page.on("dialog", async (dialog) => {
    alerted = true;
    await dialog.dismiss();
  });
  const markup = "<img src=x onerror=alert(1)>";
  await page.goto("/directory/new");
  await page.getByLabel("Display name").fill(markup);
  await page.getByRole("button", { name: "Add entry" }).click();
  await expect(page).toHaveURL(/\/directory\/[0-9a-f-]{36}/);
  await expect(page.getByRole("heading", { name: markup })).toBeVisible();
  await expect(page.getByRole("status")).toHaveText(`Directory entry ${markup} created.`);
  await page.goto("/directory");
  await expect(page.getByRole("link", { name: markup })).toBeVisible();
  await expect(page.locator("img[src='x']")).toHaveCount(0);
  expect(alerted).toBe(false);
});
