import type { Page } from "@playwright/test";
import { createCompany, expect, fillFields, formAlert, openForm, signInWithForm, test as base, unique } from "./support/fixtures";
import { E2eDirectory, useSambaDomainController, type DirectoryPerson } from "./support/samba-directory";
import type { SambaFacts } from "../support/samba/samba-global-setup";

/** The Samba AD domain controller, once per worker: started (or adopted) before, released after. */
const test = base.extend<object, { samba: SambaFacts }>({
  samba: [
    async ({}, use) => {
      const { facts, release } = await useSambaDomainController();
      try {
        await use(facts);
      } finally {
        await release();
      }
    },
    { scope: "worker", timeout: 180_000 },
  ],
});

// sAMAccountName is unique in the whole domain, which the integration tests (and other runs) share.
const suffix = unique().slice(0, 5);
const people: DirectoryPerson[] = [
  { sAMAccountName: `alice-${suffix}`, givenName: "Alice", sn: "Anders", mail: `alice-${suffix}@contoso.test`, password: "Al1ce!E2e-Passw0rd" },
  { sAMAccountName: `bruno-${suffix}`, givenName: "Bruno", sn: "Berg", mail: `bruno-${suffix}@contoso.test`, password: "Brun0!E2e-Passw0rd" },
  { sAMAccountName: `carla-${suffix}`, givenName: "Carla", sn: "Cruz", mail: `carla-${suffix}@contoso.test`, password: "C4rla!E2e-Passw0rd" },
];
const alice = people[0]!;
const login = (person: DirectoryPerson, slug: string) => `${person.sAMAccountName}@${slug}`;

/** The AD screen's status card says how the last run went: "<counts>", or for Simulate "… Would have: <counts>". */
const lastRunCounts = (page: Page, counts: RegExp) => page.getByText(counts);

test("a manager connects Active Directory, tests it, simulates, imports, and an imported person signs in with the directory password", async ({
  context,
  page,
  samba,
}) => {
  test.setTimeout(180_000);
  const directory = await E2eDirectory.open(samba);
  const ou = await directory.createOu();
  try {
    for (const person of people) await directory.addPerson(ou, person);
    const company = await createCompany(context);
    await signInWithForm(page, company.manager.portalId, company.manager.password);

    await openForm(page, "Authority Setting");
    await openForm(page, "Active Directory");
    await expect(page.getByText("No import has run yet")).toBeVisible();

    // Plain ldap:// is refused on the form, before anything is sent.
    await fillFields(page, {
      "Server address": "ldap://127.0.0.1:389",
      "Base DN": ou,
      "Proxy user": samba.adminBindName,
      "Proxy password": samba.adminPassword,
    });
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText("Plain LDAP would send passwords in clear").first()).toBeVisible();

    await fillFields(page, {
      "Server address": "ldaps://127.0.0.1:636",
      "CA certificate (PEM)": samba.caPem,
      "Base DN": ou,
      "Proxy user": samba.adminBindName,
      "Proxy password": samba.adminPassword,
    });
    await page.getByRole("checkbox", { name: /Configure authentication/ }).check();
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByText(/^Connected: the proxy user signed in and found 3 users under the base DN/)).toBeVisible();

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Active Directory settings saved.")).toBeVisible();
    // Write-only: the password is not on the page; a mask says one is stored.
    await expect(page.getByLabel("Proxy password")).toHaveValue("");
    await expect(page.getByLabel("Proxy password")).toHaveAttribute("placeholder", /stored/);
    expect(await page.content()).not.toContain(samba.adminPassword);
    await expect(page.getByTestId("directory-sign-in-state")).toContainText(`company ID “${company.slug}”`);

    // Test authentication: the right password, then a wrong one, explained.
    const testAuthentication = page.getByRole("form", { name: "Test authentication" });
    await fillFields(page, { Username: `CONTOSO\\${alice.sAMAccountName}`, Password: alice.password });
    await testAuthentication.getByRole("button", { name: "Test authentication" }).click();
    await expect(testAuthentication.getByRole("status")).toContainText(
      `Authenticated: the directory accepted the password of ${alice.sAMAccountName} (Alice Anders).`,
    );
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    await fillFields(page, { Username: alice.sAMAccountName, Password: "Wr0ng!E2e-Passw0rd" });
    await testAuthentication.getByRole("button", { name: "Test authentication" }).click();
    await expect(formAlert(page)).toHaveText(`The directory refused ${alice.sAMAccountName}: The password is wrong for this account. (AD error 52e)`);

    // A portal user for every imported person, with the next free extension of a range: the Provisioning screen.
    await page.getByRole("link", { name: "Provisioning" }).click();
    // Nothing is saved there yet, so its form opens ready to edit (no Modify to press).
    await expect(page).toHaveURL(/\/authority\/active-directory\/provisioning$/);
    await page.waitForLoadState("networkidle");
    await page.getByRole("radio", { name: "Use", exact: true }).check();
    await fillFields(page, { "Extension range from": "7000", "Extension range to": "7099" });
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("Active Directory provisioning saved.")).toBeVisible();
    await page.goto("/authority/active-directory");
    await page.waitForLoadState("networkidle");

    // Simulate reads the directory and writes nothing.
    await page.getByRole("button", { name: "Simulate" }).click();
    await expect(lastRunCounts(page, /^Simulation — nothing written\. Would have: 3 created, 0 updated/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole("link", { name: "Details" }).click();
    await expect(page.getByText("Nothing was written: this is what a sync would change.")).toBeVisible();
    for (const name of ["Alice Anders", "Bruno Berg", "Carla Cruz"])
      await expect(page.getByRole("region", { name: "Created" }).getByText(name, { exact: true })).toBeVisible();
    // …and the users provisioning would make of them.
    await expect(page.getByRole("link", { name: /^User created \(\d\)$/ })).toBeVisible();
    await openForm(page, "Company Directory");
    await page.getByRole("searchbox").fill("Anders");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByText("No entry matches your search.")).toBeVisible();

    // One-time import: the entries, and a portal user each.
    await page.goto("/authority/active-directory");
    await page.waitForLoadState("networkidle");
    await page.getByRole("button", { name: "One-time import" }).click();
    await expect(lastRunCounts(page, /^3 created, 0 updated, 0 disabled, 0 removed/)).toBeVisible({ timeout: 30_000 });
    await page.getByRole("link", { name: "Import history" }).click();
    await expect(page.getByRole("img", { name: /Last 2 runs/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /One-time import/ })).toContainText("Succeeded");
    await expect(page.getByRole("row", { name: /Simulate/ })).toContainText("Succeeded");

    await openForm(page, "Company Directory");
    await page.getByRole("searchbox").fill("Anders");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByRole("row", { name: /Alice Anders/ });
    await expect(row).toContainText(alice.mail);
    await expect(row).toContainText("Yes"); // Sync
    // Soft, as the source below: the directory's "Linked login" column joins Entra links only so far.
    await expect.soft(row, "the directory shows the login linked to the imported entry").toContainText(login(alice, company.slug));
    // A portal user each, with the next free extension of the range (created right after the import: give it a moment).
    await expect(async () => {
      await page.goto(`/users?q=${suffix}`);
      await expect(page.getByRole("row", { name: /Alice Anders/ })).toContainText(`7000Alice Anders${login(alice, company.slug)}`, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("row", { name: /Bruno Berg/ })).toContainText(`7001Bruno Berg${login(people[1]!, company.slug)}`);
    await expect(page.getByRole("row", { name: /Carla Cruz/ })).toContainText(`7002Carla Cruz${login(people[2]!, company.slug)}`);

    await openForm(page, "Company Directory");
    await page.getByRole("searchbox").fill("Anders");
    await page.getByRole("button", { name: "Search" }).click();
    await page.getByRole("link", { name: "Alice Anders" }).click();
    // The entry says where it comes from. (Soft: the directory pages still name only Entra; see the report.)
    await expect.soft(page.getByRole("main"), "the entry says it comes from Active Directory").toContainText("Active Directory");

    // Alice signs in with her directory password.
    await context.clearCookies();
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Sign in with your directory account" }).click();
    await expect(page.getByRole("heading", { name: "Sign in with your directory account" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await fillFields(page, { "Company ID": company.slug, Username: alice.sAMAccountName, Password: alice.password });
    await page.getByRole("button", { name: "Sign in with directory password" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 15_000 });
    await expect(page.getByText(login(alice, company.slug)).first()).toBeVisible();
  } finally {
    await directory.deleteOu(ou).catch(() => undefined);
    await directory.close();
  }
});

test("the Active Directory screen refuses bad input with clear messages and changes nothing", async ({ context, page, samba }) => {
  const company = await createCompany(context);
  await signInWithForm(page, company.manager.portalId, company.manager.password);
  await page.goto("/authority/active-directory");
  await page.waitForLoadState("networkidle");

  await fillFields(page, {
    "Server address": "ldaps://127.0.0.1:636",
    "Base DN": "contoso.test",
    "Proxy user": samba.adminBindName,
    "CA certificate (PEM)": "not a certificate",
  });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Please correct the highlighted fields.")).toBeVisible();
  await expect(page.getByText("The base DN is a distinguished name like")).toBeVisible();
  await expect(page.getByText("Paste the CA certificate in PEM form")).toBeVisible();
  await expect(page.getByLabel("Proxy user")).toHaveValue(samba.adminBindName); // what was typed stays

  await fillFields(page, { "Base DN": samba.baseDn, "CA certificate (PEM)": samba.caPem });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Required the first time you save.", { exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByText("Save the settings to run an import.")).toBeVisible();
  await expect(page.getByText("Save the settings to test a person's sign-in.")).toBeVisible();
});
