import { randomUUID } from "node:crypto";
import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { resolveMicrosoftLogin } from "@/lib/microsoft-sign-in/resolve-microsoft-login";
import { createScimToken } from "@/lib/scim/tokens";
import { createCustomerWithManager } from "../../support/factories";
import { enableProvisioning, provisionedLogins } from "../../support/provisioning-fixture";
import { scimRequest } from "../../support/scim-client";
import { configureSync, createTenant, emulatorAdmin } from "../../support/sync-fixture";

describe("provisioning people Entra pushes over SCIM", () => {
  it("makes a pushed person a user at once — linked to their Entra account — suspends on active=false, restores, and audits each step", async () => {
    const manager = await createCustomerWithManager();
    const tenant = await createTenant(emulatorAdmin());
    await configureSync(manager, tenant, { usage: "use" });
    await enableProvisioning(manager.customerId, "scim", {
      extensionMode: "attribute_then_range",
      extensionAttribute: "phoneNumbers",
      extensionRule: "last_digits",
      extensionDigits: 3,
      rangeStart: 500,
      rangeEnd: 599,
      createSoftphone: true,
    });
    const token = (await createScimToken(manager, "Entra")).token;
    const objectId = randomUUID();
    const pushed = await scimRequest(token, "POST", "/Users", {
      userName: "quinn@contoso.example",
      externalId: objectId,
      displayName: "Quinn Pushed",
      phoneNumbers: [{ type: "work", value: "+1 425 555 0123" }],
    });
    expect(pushed.status).toBe(201);
    await scimRequest(token, "POST", "/Users", { userName: "rae@contoso.example", displayName: "Rae Plain" });

    const logins = await provisionedLogins(manager.customerId);
    expect(logins.map((l) => [l.portalId, l.extension, l.aadObjectId, l.devices]).sort()).toEqual([
      [`quinn@${manager.slug}`, "123", objectId, ["softphone:active"]],
      [`rae@${manager.slug}`, "500", null, ["softphone:active"]],
    ]);
    const company = (await microsoftCompany({ slug: manager.slug }))!;
    expect(await resolveMicrosoftLogin(company, { tid: tenant.tenantId, oid: objectId })).toMatchObject({ actor: { portalId: `quinn@${manager.slug}` } });

    const off = await scimRequest(token, "PATCH", `/Users/${pushed.body!.id}`, { Operations: [{ op: "replace", path: "active", value: false }] });
    expect(off.status).toBe(200);
    const quinn = async () => (await provisionedLogins(manager.customerId)).find((l) => l.aadObjectId === objectId)!;
    expect(await quinn()).toMatchObject({ suspendedReason: "disabled_at_source", devices: ["softphone:disabled"] });
    await scimRequest(token, "PATCH", `/Users/${pushed.body!.id}`, { Operations: [{ op: "replace", path: "active", value: true }] });
    expect(await quinn()).toMatchObject({ suspendedAt: null, devices: ["softphone:active"] });
    expect((await scimRequest(token, "DELETE", `/Users/${pushed.body!.id}`)).status).toBe(204);
    expect(await quinn()).toMatchObject({ suspendedReason: "removed_at_source" });

    const audited = await db()
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.customerId, manager.customerId), like(auditLog.action, "provisioning.%")));
    expect(audited.map((a) => a.action).sort()).toEqual([
      "provisioning.created",
      "provisioning.created",
      "provisioning.restored",
      "provisioning.suspended",
      "provisioning.suspended",
    ]);
  });
});
