import { startWebhookReceiver } from "../support/webhook-receiver";
import { createCompany, expect, fillFields, signInWithForm, test } from "./support/fixtures";

test("a manager adds a webhook endpoint, sends a test event, and sees it delivered, signed, in the endpoint's log", async ({ context, page }) => {
  // The PBX's receiver: on this machine, which the e2e portal may reach (OUTBOUND_ALLOW=loopback).
  const receiver = await startWebhookReceiver();
  try {
    const company = await createCompany(context);
    await signInWithForm(page, company.manager.portalId, company.manager.password);
    await page.goto("/authority/webhooks");
    await page.waitForLoadState("networkidle");
    await fillFields(page, { "Endpoint address": receiver.url, Description: "Our PBX" });
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const secret = (await page.getByTestId("new-webhook-secret").textContent())!;
    receiver.setSecret(secret);

    await page.getByRole("link", { name: /Open the endpoint/ }).click();
    await expect(page).toHaveURL(/\/authority\/webhooks\/[0-9a-f-]{36}$/);
    await page.waitForLoadState("networkidle");
    await expect(page.getByText("No delivery yet.")).toBeVisible();
    await page.getByRole("button", { name: "Send test event" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Test event queued" })).toBeVisible();

    // The worker delivers it; the log says so once the receiver has answered.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("webhook-delivery").first()).toContainText("delivered", { timeout: 1000 });
    }).toPass({ timeout: 30_000 });
    const row = page.getByTestId("webhook-delivery").first();
    await expect(row).toContainText("webhook.test");
    await expect(row).toContainText("204");
    expect(receiver.accepted.map((e) => e.type)).toEqual(["webhook.test"]);
    expect(receiver.counts().badSignatures).toBe(0);
  } finally {
    await receiver.close();
  }
});
