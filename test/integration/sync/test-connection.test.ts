import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, entraSettings } from "@/db/schema";
import { DEMO_TENANT } from "@/emulator";
import { getEntraSettings } from "@/lib/connectors/entra/settings/get-entra-settings";
import { testConnection } from "@/lib/connectors/entra/settings/test-connection";
import { createCustomerWithManager } from "../../support/factories";
import { configureSync, createTenant, emulatorAdmin, settingsFor } from "../../support/sync-fixture";
import { saveEntraSettings } from "@/lib/connectors/entra/settings/save-entra-settings";

const demo = { tenantId: DEMO_TENANT.tenantId, clientId: DEMO_TENANT.clientId, clientSecret: DEMO_TENANT.clientSecret };

describe("Test connection", () => {
  const admin = emulatorAdmin();

  it("reads a user with good settings", async () => {
    const manager = await createCustomerWithManager();
    const result = await testConnection(manager, demo);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining("Connected") });
  });

  it.each([
    ["a wrong secret", { ...demo, clientSecret: "Not~The~Real~Secret~1234" }, "AADSTS7000215"],
    ["an unknown tenant", { ...demo, tenantId: randomUUID() }, "AADSTS90002"],
    ["an unknown application", { ...demo, clientId: randomUUID() }, "AADSTS700016"],
  ])("explains %s with its AADSTS code", async (_name, input, code) => {
    const manager = await createCustomerWithManager();
    const result = await testConnection(manager, input);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.message).toContain(code);
    expect(result.message).not.toContain(input.clientSecret);
  });

  it("explains an expired secret and missing User.Read.All consent", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await createTenant(admin, { permissions: [] });
    expect(await testConnection(manager, tenant)).toMatchObject({
      ok: false,
      code: "Authorization_RequestDenied",
      message: expect.stringContaining("User.Read.All"),
    });
    const expired = await admin.addSecret(tenant.tenantId, tenant.clientId, { expiresAt: new Date(Date.now() - 1000) });
    expect(await testConnection(manager, { ...tenant, clientSecret: expired.value })).toMatchObject({ ok: false, code: "AADSTS7000222" });
  });

  it("uses the stored secret when the field is left blank, and audits without the secret", async () => {
    const manager = await createCustomerWithManager();
    await saveEntraSettings(manager, settingsFor(demo));
    expect(await testConnection(manager, { tenantId: demo.tenantId, clientId: demo.clientId })).toMatchObject({ ok: true });
    const rows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.customerId, manager.customerId), eq(auditLog.action, "entra_settings.test_connection")));
    expect(JSON.stringify(rows)).not.toContain(demo.clientSecret);
  });
});

describe("saving MS AAD settings", () => {
  it("needs a secret the first time, then keeps the stored one when left blank", async () => {
    const manager = await createCustomerWithManager();
    await expect(saveEntraSettings(manager, settingsFor({ ...demo, clientSecret: "" }))).rejects.toMatchObject({
      fieldErrors: { clientSecret: expect.any(String) },
    });
    await saveEntraSettings(manager, settingsFor(demo));
    const [stored] = await db().select().from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
    await saveEntraSettings(manager, settingsFor({ ...demo, clientSecret: "" }, { runHour: "5" }));
    const [after] = await db().select().from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
    expect(after!.secretCiphertext).toBe(stored!.secretCiphertext);
    expect(after!.runHour).toBe(5);
  });

  it("stores the secret only encrypted, never shows it, and never audits it", async () => {
    const manager = await createCustomerWithManager();
    await configureSync(manager, demo);
    const [row] = await db().select().from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
    expect(row!.secretCiphertext).not.toContain(demo.clientSecret);
    expect(JSON.stringify(await getEntraSettings({ customerId: manager.customerId }))).not.toContain(row!.secretCiphertext);
    const audit = await db().select().from(auditLog).where(eq(auditLog.customerId, manager.customerId));
    expect(audit.map((a) => a.action)).toContain("entra_settings.save");
    expect(JSON.stringify(audit)).not.toContain(demo.clientSecret);
  });
});
