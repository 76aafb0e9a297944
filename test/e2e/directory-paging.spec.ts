import { demoLogins, demoPassword } from "@/scripts/demo/seed-demo";
import { expect, signInOverHttp, test } from "./support/fixtures";

test("a directory page past the end shows the last page, never 'The directory is empty.' above a count", async ({ context, page }) => {
  await signInOverHttp(context.request, demoLogins.manager, demoPassword);
  await page.goto("/directory?page=99");

  const count = page.getByRole("navigation", { name: "Pages" });
  await expect(count).toContainText(/\d+ entr(y|ies) · page \d+ of \d+/);
  const [, pageShown, pageCount] = (await count.innerText()).match(/page (\d+) of (\d+)/)!;
  expect(pageShown).toBe(pageCount);
  await expect(page.getByText("The directory is empty.")).toHaveCount(0);
  await expect(page.locator("tbody tr").first()).toBeVisible();
});
