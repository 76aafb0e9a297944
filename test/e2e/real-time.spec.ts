import type { Page } from "@playwright/test";
import { formatDateTime } from "@/lib/format-date";
import { createCompany, expect, signInWithForm, test } from "./support/fixtures";
import { connect, connectAndSync, createEntraTenant, emulatorAdmin, entraPassword, syncNow, turnRealTimeOff } from "./support/microsoft-tenant";

/**
 * MS AAD → Real time (issue 16, README "Real time") in the browser, against
 * the built portal: the worker subscribes through the emulator's Graph
 * /subscriptions (whose handshake reaches the portal at its PUBLIC_URL), and
 * the emulator notifies the portal of every change made through its admin API.
 */

/** The MS AAD screen, reloaded until the Real time card says `state`: the worker acts in its own time. */
async function expectRealTimeCard(page: Page, state: string | RegExp) {
  await expect(async () => {
    await page.goto("/authority/entra");
    await expect(page.getByTestId("real-time-state")).toHaveText(state, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
}

/** The Company Directory, reloaded until `check` holds. */
async function expectDirectory(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto("/directory");
    await check();
  }).toPass({ timeout: 30_000 });
}

const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name, exact: true }) });

test("real time on: renamed, added and disabled in Entra reach the directory with no run button and no schedule; off: a change waits for a run", async ({
  context,
  page,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const admin = emulatorAdmin();
  const [company, tenant] = await Promise.all([createCompany(context), createEntraTenant(["Ada Original", "Ben Leaving"])]);
  const { Ada, Ben } = tenant.people;
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await connectAndSync(page, tenant);

  // The worker subscribed on its own; Graph (the emulator) checked the portal's notification address first.
  await expect.poll(async () => (await admin.listSubscriptions(tenant.tenantId)).subscriptions.length, { timeout: 30_000 }).toBe(1);
  const [subscription] = (await admin.listSubscriptions(tenant.tenantId)).subscriptions;
  expect(subscription).toMatchObject({ resource: "users", notificationUrl: `${baseURL}/api/graph/notifications` });
  const validations = (await admin.notificationLog(tenant.tenantId)).deliveries.filter((d) => d.kind === "validation");
  expect(validations.map((d) => [d.subscriptionId, d.outcome])).toEqual([[subscription!.id, "delivered"]]);
  const until = formatDateTime(new Date(subscription!.expirationDateTime), company.timeZone);
  await expectRealTimeCard(
    page,
    `On: Microsoft tells the portal of every change, and the directory follows within seconds. Subscribed until ${until} (renewed automatically).`,
  );
  await expect(page.getByRole("button", { name: "Turn real time off" })).toBeVisible();

  // Changes in Entra, and nothing else: no button pressed, no schedule set.
  await admin.updateUser(tenant.tenantId, Ada!.id, { displayName: "Ada Renamed" });
  await admin.createUser(tenant.tenantId, {
    userPrincipalName: `cleo@${tenant.domain}`,
    displayName: "Cleo Joining",
    givenName: "Cleo",
    surname: "Joining",
    mail: `cleo@${tenant.domain}`,
    password: entraPassword,
  });
  await admin.disableUser(tenant.tenantId, Ben!.id);
  await expectDirectory(page, async () => {
    await expect(row(page, "Ada Renamed")).toContainText("Active", { timeout: 1000 });
    await expect(row(page, "Cleo Joining")).toContainText("Active", { timeout: 1000 });
    await expect(row(page, "Ben Leaving")).toContainText("Disabled", { timeout: 1000 });
  });
  await expect(row(page, "Ada Original")).toHaveCount(0);

  // The history says who did it: change notifications, beside the one sync the manager started.
  const runs = page.getByRole("row");
  await expect(async () => {
    await page.goto("/authority/entra/history");
    await expect(runs.filter({ hasText: "Change notification" }).filter({ hasText: "Succeeded" }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(runs.filter({ hasText: "One-time Sync" })).toHaveCount(1);
  await expect(runs.filter({ hasText: "Scheduled" })).toHaveCount(0);
  await page.goto("/authority/entra");
  await expect(page.getByTestId("real-time-state").locator("..")).toContainText(/Last notification: \d{1,2} \w{3} \d{4}/);

  // Off: the worker deletes the subscription, so Graph has nobody to tell of the next change.
  await turnRealTimeOff(page);
  await expect(page.getByRole("button", { name: "Turn real time on" })).toBeVisible();
  await expect.poll(async () => (await admin.listSubscriptions(tenant.tenantId)).subscriptions, { timeout: 30_000 }).toEqual([]);
  // And a run notifications started before cannot read the change below: all have ended (none starts now, real time being off).
  await expect(async () => {
    await page.goto("/authority/entra/history");
    await expect(runs.filter({ hasText: /Queued|Running/ })).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const logged = (await admin.notificationLog(tenant.tenantId)).deliveries.at(-1)!.seq;
  await admin.updateUser(tenant.tenantId, Ada!.id, { displayName: "Ada Later" });
  expect((await admin.notificationLog(tenant.tenantId, logged)).deliveries).toEqual([]);
  await page.goto("/directory");
  await expect(row(page, "Ada Renamed")).toBeVisible();
  await expect(row(page, "Ada Later")).toHaveCount(0);

  // The next run brings it.
  await syncNow(page);
  await page.goto("/directory");
  await expect(row(page, "Ada Later")).toBeVisible();
  await expect(row(page, "Ada Renamed")).toHaveCount(0);
});

test("when Microsoft will not make the subscription, the Real time card says so in plain words; once Microsoft answers, real time is on", async ({
  context,
  page,
}) => {
  const admin = emulatorAdmin();
  const [company, tenant] = await Promise.all([createCompany(context), createEntraTenant(["Fay Failing"])]);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  // Every Graph request of the tenant answers 503, at once (Retry-After 0 keeps the client's own retries quick).
  await admin.setFaults(tenant.tenantId, { unavailable: { burst: 1000, retryAfterSeconds: 0 } });
  try {
    await connect(page, tenant);
    const error = page.getByTestId("real-time-error");
    await expect(async () => {
      const response = await page.goto("/authority/entra");
      expect(response?.status()).toBe(200);
      await expect(error).toContainText("Microsoft Graph is unavailable right now (HTTP 503).", { timeout: 1000 });
      // Polled briskly: the faults are cleared below while the job still has retries left (2 s, 4 s, 8 s apart).
    }).toPass({ timeout: 30_000, intervals: [250] });
    await expect(page.getByTestId("real-time-state")).toHaveText(/^On, but not subscribed yet/);
    // Words for a person: no stack trace, error class, source file or raw Graph message.
    expect(await error.innerText()).not.toMatch(/\n\s*at |Error\b|\.ts:\d|node_modules|serviceNotAvailable|Please retry later/);
    expect((await admin.listSubscriptions(tenant.tenantId)).subscriptions).toEqual([]);
  } finally {
    await admin.clearFaults(tenant.tenantId);
  }

  // The worker tries again (the job's retries): subscribed, and the error has gone.
  await expectRealTimeCard(page, /^On: .* Subscribed until /);
  await expect(page.getByTestId("real-time-error")).toHaveCount(0);
  expect((await admin.listSubscriptions(tenant.tenantId)).subscriptions).toHaveLength(1);
});
