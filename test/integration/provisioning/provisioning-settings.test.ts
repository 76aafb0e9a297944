// First: Next's request scope (see runAs) needs its AsyncLocalStorage before any Next module loads.
import { runAs } from "../../support/signed-in";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, auditLog, provisioningSettings } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { CustomerActor } from "@/lib/actor";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import type { ProvisioningSource } from "@/lib/provisioning/settings/provisioning-sources";
import { getProvisioningSettings } from "@/lib/provisioning/settings/get-provisioning-settings";
import { saveProvisioningSettings } from "@/lib/provisioning/settings/save-provisioning-settings";
import { extensionAttributesOf } from "@/lib/provisioning/extension-attributes";
import { provisioningSettingsInput } from "@/lib/validation/provisioning-settings-input";
import { saveLdapProvisioningAction } from "@/app/(portal)/authority/active-directory/provisioning/actions";
import { saveEntraProvisioningAction } from "@/app/(portal)/authority/entra/provisioning/actions";
import { createCustomerWithManager, createEntraEntry, createTestUser } from "../../support/factories";

/** The input as the screen's action builds it: the source, with the attributes it offers. */
const inputOf = (source: ProvisioningSource) => provisioningSettingsInput({ source, attributes: extensionAttributesOf(source) });

const posted = {
  usage: "use",
  scope: "everyone",
  package: "Standard",
  extensionMode: "range",
  rangeStart: "7000",
  rangeEnd: "7099",
  graceDays: "14",
  createSoftphone: "on",
};
const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};
const save = (action: typeof saveEntraProvisioningAction, actor: CustomerActor, values: Record<string, string>) =>
  runAs(actor, () => action({ status: "idle" }, form(values))) as Promise<ActionState>;
/** Saved as the screen's action would (the action's own refusals are tried through it below; Next's cache refresh needs a real server). */
const saveAs = (actor: CustomerActor, source: ProvisioningSource, values: Record<string, string>) =>
  saveProvisioningSettings(actor, source, inputOf(source).parse(values));
const rowsOf = (customerId: string) => db().select().from(provisioningSettings).where(eq(provisioningSettings.customerId, customerId));

/** A user provisioned from a source: linked to one of its entries, holding an extension. */
async function provisionedUser(manager: CustomerActor, extension: string) {
  const entry = await createEntraEntry(manager);
  const user = await createTestUser(manager);
  await db().update(accounts).set({ directoryEntryId: entry.id, extension }).where(eq(accounts.id, user.id));
  return user;
}

describe("provisioning settings", () => {
  it("are saved for the company and source of the screen, read back, audited, and ask the next run for a full pass", async () => {
    const a = await createCustomerWithManager();
    const b = await createCustomerWithManager();
    await saveAs(a, "entra", posted);

    const stored = await getProvisioningSettings({ customerId: a.customerId, source: "entra" });
    expect(stored).toMatchObject({
      enabled: true,
      scopeGroups: [],
      package: "Standard",
      extensionMode: "range",
      rangeStart: 7000,
      rangeEnd: 7099,
      createSoftphone: true,
      createMobile: false,
      graceDays: 14,
      fullPassPending: true,
      updatedBy: a.accountId,
    });
    // Another source of the same company, and another company, have none.
    expect(await getProvisioningSettings({ customerId: a.customerId, source: "active-directory" })).toBeNull();
    expect(await getProvisioningSettings({ customerId: b.customerId, source: "entra" })).toBeNull();

    // The run clears fullPassPending; the next save sets it again, and updates the one row.
    await db().update(provisioningSettings).set({ fullPassPending: false }).where(eq(provisioningSettings.customerId, a.customerId));
    await saveAs(a, "entra", { ...posted, usage: "not_use", graceDays: "30" });
    expect(await rowsOf(a.customerId)).toEqual([expect.objectContaining({ source: "entra", enabled: false, graceDays: 30, fullPassPending: true })]);

    const audit = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, a.customerId), eq(auditLog.action, "provisioning_settings.save")));
    expect(audit.map((r) => r.detail).sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))).toEqual([
      { source: "entra", usage: "not_use", extensionMode: "range", scopeGroups: 0, changed: ["graceDays", "enabled"] },
      { source: "entra", usage: "use", extensionMode: "range", scopeGroups: 0, created: true },
    ]);
  });

  it("refuses bad input with a message on the field, and saves nothing", async () => {
    const manager = await createCustomerWithManager();
    const refusals: [Record<string, string>, string, string][] = [
      [{ rangeStart: "7100", rangeEnd: "7000" }, "rangeEnd", "The end of the range must not be below its start."],
      [{ rangeStart: "seven" }, "rangeStart", "2 to 8 digits"],
      [{ rangeStart: "", rangeEnd: "" }, "rangeStart", "Enter the extension range"],
      [{ extensionMode: "attribute" }, "extensionAttribute", "Choose the attribute"],
      [{ extensionMode: "attribute", extensionAttribute: "ipPhone" }, "extensionAttribute", "Choose one of extensionAttribute1"],
      [{ extensionMode: "attribute", extensionAttribute: "businessPhones", extensionRule: "last_digits" }, "extensionDigits", "2 to 8"],
      [{ graceDays: "0" }, "graceDays", "1 to 365"],
      [{ scope: "groups", scopeGroups: "[]" }, "scopeGroups", "at least one group"],
      [{ site: "Main\u0000" }, "site", "NUL"],
    ];
    for (const [change, field, message] of refusals) {
      const state = await save(saveEntraProvisioningAction, manager, { ...posted, ...change });
      expect(state.status, JSON.stringify(change)).toBe("error");
      expect(state.status === "error" && state.fieldErrors?.[field], JSON.stringify(change)).toContain(message);
    }
    // A field no database could store is told together with what is wrong elsewhere, not one save after the other.
    const both = await save(saveEntraProvisioningAction, manager, { ...posted, package: "Gold\u0000", rangeStart: "7100", rangeEnd: "7000" });
    expect(both).toMatchObject({
      status: "error",
      fieldErrors: { package: expect.stringContaining("NUL"), rangeEnd: "The end of the range must not be below its start." },
    });
    // A field name no form has, and a user (no settings permission): refused too.
    const withProto = form(posted);
    withProto.append("__proto__", '{"polluted":1}');
    expect(await runAs(manager, () => saveEntraProvisioningAction({ status: "idle" }, withProto))).toMatchObject({ status: "error" });
    const user = await createTestUser(manager);
    const asUser = { accountId: user.id, role: "user" as const, customerId: manager.customerId, portalId: user.portalId, name: "Test User" };
    expect(await save(saveEntraProvisioningAction, asUser, posted)).toEqual({ status: "error", message: "You do not have permission to do that." });
    expect(await rowsOf(manager.customerId)).toEqual([]);
  });

  it("refuses a range over extensions held by hand-made users, other sources' users or directory entries, naming a few", async () => {
    const manager = await createCustomerWithManager();
    const other = await createCustomerWithManager();
    await createTestUser(manager, { extension: "7005" });
    await createDirectoryEntry(manager, {
      firstName: null,
      lastName: null,
      displayName: "Reception",
      email: null,
      officePhone: null,
      mobilePhone: null,
      extension: "7010",
    });
    // Provisioned from Entra: the Entra range may hold it, the Active Directory range may not.
    await provisionedUser(manager, "7020");
    // Another company's extensions are its own business.
    await createTestUser(other, { extension: "7050" });

    const entra = await save(saveEntraProvisioningAction, manager, posted);
    expect(entra).toMatchObject({
      status: "error",
      fieldErrors: { rangeStart: expect.stringContaining("Extensions 7005, 7010 in this range are already held") },
    });
    const ad = await save(saveLdapProvisioningAction, manager, posted);
    expect(ad).toMatchObject({
      status: "error",
      fieldErrors: { rangeStart: expect.stringContaining("Extensions 7005, 7010, 7020 in this range are already held") },
    });
    expect(await rowsOf(manager.customerId)).toEqual([]);

    // Around them: 7021–7049 is free of others, 7020 is Entra's own.
    await saveAs(manager, "entra", { ...posted, rangeStart: "7020", rangeEnd: "7099" });
    await saveAs(manager, "active-directory", { ...posted, rangeStart: "7021", rangeEnd: "7099" });
    expect((await rowsOf(manager.customerId)).map((r) => [r.source, r.rangeStart]).sort()).toEqual([
      ["active-directory", 7021],
      ["entra", 7020],
    ]);

    // Many in the range: five are named, the rest counted.
    for (const ext of ["7101", "7102", "7103", "7104", "7105", "7106", "7107"]) await createTestUser(manager, { extension: ext });
    await expect(saveAs(manager, "scim", { ...posted, rangeStart: "7100", rangeEnd: "7199" })).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { rangeStart: expect.stringContaining("Extensions 7101, 7102, 7103, 7104, 7105 and 2 more") },
    });
    expect(await getProvisioningSettings({ customerId: manager.customerId, source: "scim" })).toBeNull();
  });
});
