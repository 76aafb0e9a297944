import { expect, test } from "./support/fixtures";
import { openEntraScreenWithDemoApp } from "./support/microsoft-tenant";

test("the period select is greyed like every other field when read-only, and an hourly schedule asks for no hour", async ({ context, page }) => {
  await openEntraScreenWithDemoApp(context, page);

  const period = page.getByLabel("User Look-Up Period");
  const hour = page.getByLabel("Hour", { exact: true });
  await expect(hour).toBeVisible();
  await period.selectOption("hourly");
  await expect(hour).toHaveCount(0);
  await expect(page.getByLabel("Minute", { exact: true })).toBeVisible();
  await period.selectOption("daily");
  await expect(hour).toBeVisible();
  await period.selectOption("hourly");
  await expect(hour).toHaveCount(0);

  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("MS AAD settings saved.")).toBeVisible();
  // Read-only now: the select looks like the text fields beside it, and the hour stays away.
  await expect(period).toBeDisabled();
  await expect(period).toHaveValue("hourly");
  await expect(hour).toHaveCount(0);
  const look = (selector: string) =>
    page.locator(selector).evaluate((el) => {
      const style = getComputedStyle(el);
      return { background: style.backgroundColor, color: style.color };
    });
  const select = await look("select[name=period]");
  const text = await look("input[name=tenantId]");
  expect(select).toEqual(text);
  expect(select.background).not.toBe("rgb(255, 255, 255)");
});
