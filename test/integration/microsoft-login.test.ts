import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { directoryEntries, entraSettings } from "@/db/schema";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { resolveMicrosoftLogin } from "@/lib/microsoft-sign-in/resolve-microsoft-login";
import { createCustomerWithManager, createEntraEntry, testPassword } from "../support/factories";
import { configureSync, createEntraCompany, emulatorAdmin } from "../support/sync-fixture";

/** A company offering Microsoft sign-in (its tenant proven in the emulator), its manager linked to an Entra entry. */
async function linkedCompany(usage: "use" | "not_use" = "use") {
  const { manager, tenant: t } = await createEntraCompany({ usage });
  const entry = await createEntraEntry(manager, { tenantId: t.tenantId });
  await linkOwnAccount(manager, entry.id);
  return { manager, entry, tenant: t };
}

describe("who a Microsoft id_token signs in", () => {
  it("opens the linked login of the chosen company, identified by tid + oid only", async () => {
    const { manager, entry, tenant } = await linkedCompany();
    const company = (await microsoftCompany({ slug: manager.slug }))!;
    expect(company.clientSecret).toBe(tenant.clientSecret);
    const login = await resolveMicrosoftLogin(company, { tid: entry.aadTenantId, oid: entry.aadObjectId, email: "someone@else.example" } as object);
    expect(login).toEqual({ actor: expect.objectContaining({ accountId: manager.accountId, role: "manager", customerId: manager.customerId }) });
  });

  it("refuses another tenant, an unlinked person, a person linked in another company, and a disabled or removed entry", async () => {
    const { manager, entry } = await linkedCompany();
    const company = (await microsoftCompany({ slug: manager.slug }))!;
    expect(await resolveMicrosoftLogin(company, { tid: randomUUID(), oid: entry.aadObjectId })).toEqual({ refusal: "wrong_tenant" });
    expect(await resolveMicrosoftLogin(company, { tid: entry.aadTenantId, oid: randomUUID() })).toEqual({ refusal: "not_linked" });

    // The same tenant set up for a second company (an app of its own there): the person is linked in the first only.
    const second = await createCustomerWithManager();
    const app = await emulatorAdmin().createApp(entry.aadTenantId!, { displayName: "Second company", permissions: ["User.Read.All"], secret: {} });
    await configureSync(second, { tenantId: entry.aadTenantId!, clientId: app.clientId, clientSecret: app.secret!.value }, { usage: "use" });
    const secondCompany = (await microsoftCompany({ slug: second.slug }))!;
    expect(await resolveMicrosoftLogin(secondCompany, { tid: entry.aadTenantId, oid: entry.aadObjectId })).toEqual({ refusal: "not_linked" });

    for (const status of ["disabled", "removed"] as const) {
      await db().update(directoryEntries).set({ status }).where(eq(directoryEntries.id, entry.id));
      expect(await resolveMicrosoftLogin(company, { tid: entry.aadTenantId, oid: entry.aadObjectId })).toEqual({ refusal: "disabled" });
    }
  });

  it("is not offered by a company whose usage is Not use", async () => {
    const { manager } = await linkedCompany("not_use");
    expect(await microsoftCompany({ slug: manager.slug })).toBeNull();
  });
});

describe("require Microsoft sign-in for linked logins", () => {
  const attempt = (portalId: string) => signInWithPassword({ portalId, password: testPassword, clientAddress: `203.0.113.${Math.floor(Math.random() * 250)}` });

  it("refuses the password of a linked login while Microsoft sign-in is offered, and only then", async () => {
    const { manager } = await linkedCompany();
    await expect(attempt(manager.portalId)).resolves.toMatchObject({ accountId: manager.accountId });
    await db().update(entraSettings).set({ requireMicrosoftSignIn: true }).where(eq(entraSettings.customerId, manager.customerId));
    await expect(attempt(manager.portalId)).rejects.toThrow(/requires Sign in with Microsoft/);
    // An unproven tenant offers no Microsoft sign-in, so requiring it would lock the login out.
    const proofOf = eq(entraSettings.customerId, manager.customerId);
    const [{ tenantVerifiedAt }] = (await db().select({ tenantVerifiedAt: entraSettings.tenantVerifiedAt }).from(entraSettings).where(proofOf)) as [
      { tenantVerifiedAt: Date | null },
    ];
    await db().update(entraSettings).set({ tenantVerifiedAt: null }).where(proofOf);
    await expect(attempt(manager.portalId)).resolves.toMatchObject({ accountId: manager.accountId });
    await db().update(entraSettings).set({ tenantVerifiedAt }).where(proofOf);
    await expect(attempt(manager.portalId)).rejects.toThrow(/requires Sign in with Microsoft/);

    await linkOwnAccount(manager, "none");
    await expect(attempt(manager.portalId)).resolves.toMatchObject({ accountId: manager.accountId });

    const { manager: notUsing } = await linkedCompany("not_use");
    await db().update(entraSettings).set({ requireMicrosoftSignIn: true }).where(eq(entraSettings.customerId, notUsing.customerId));
    await expect(attempt(notUsing.portalId)).resolves.toMatchObject({ accountId: notUsing.accountId });
  });
});
