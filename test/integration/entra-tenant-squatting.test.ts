import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, directoryEntries, entraSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { searchLinkCandidates } from "@/lib/linking/search-link-candidates";
import { microsoftCompany } from "@/lib/microsoft-sign-in/microsoft-company";
import { resolveMicrosoftLogin } from "@/lib/microsoft-sign-in/resolve-microsoft-login";
import { createScimToken } from "@/lib/scim/tokens";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createEntraEntry, createTestUser } from "../support/factories";
import { scimRequest } from "../support/scim-client";
import { configureSync, createEntraCompany, emulatorAdmin, startTestWorker, syncNow } from "../support/sync-fixture";

type Manager = Awaited<ReturnType<typeof createCustomerWithManager>>;

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const settingsOf = async (customerId: string) => (await db().select().from(entraSettings).where(eq(entraSettings.customerId, customerId)))[0] ?? null;
const scimEntryOf = async (customerId: string, objectId: string) =>
  (
    await db()
      .select()
      .from(directoryEntries)
      .where(and(eq(directoryEntries.customerId, customerId), eq(directoryEntries.externalId, objectId)))
  )[0]!;
const picker = async (manager: Manager, q: string) => (await searchLinkCandidates({ customerId: manager.customerId, q })).map((c) => c.displayName);

/**
 * Company B names company A's tenant ID (public knowledge), pushes a SCIM user
 * whose externalId is one of A's object IDs and tries to link it: B must get
 * no Entra identity of A's, A must be able to link and sign in that person,
 * and no refusal may tell B whether someone is linked in A.
 */
describe("one company squatting another company's Entra tenant", () => {
  it("is refused on save, ties no SCIM user to A's tenant, and leaves A's linking and sign-in alone", async () => {
    const { manager: a, tenant } = await createEntraCompany();
    const person = await emulatorAdmin().createUser(tenant.tenantId, {
      displayName: "Pat Squatted",
      userPrincipalName: `pat-${randomUUID().slice(0, 6)}@a.example`,
    });
    const b = await createCustomerWithManager();

    // 1. B's save with A's tenant and credentials B does not have: refused in words, nothing written.
    for (const credentials of [
      { tenantId: tenant.tenantId, clientId: randomUUID(), clientSecret: "made-up-secret" },
      { tenantId: tenant.tenantId, clientId: tenant.clientId, clientSecret: "guessed-secret" },
    ]) {
      const error = await refusal(configureSync(b, credentials, { usage: "use" }));
      expect(error.code).toBe("invalid_input");
      expect(error.message).toMatch(/^Not saved: .*cannot be verified/);
      expect(error.message).not.toContain(credentials.clientSecret);
    }
    expect(await settingsOf(b.customerId)).toBeNull();
    expect(
      await db()
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.customerId, b.customerId), eq(auditLog.action, "entra_settings.save"))),
    ).toEqual([]);

    // 2. Saved as "Not use" instead, the tenant stays unproven...
    expect(await configureSync(b, { tenantId: tenant.tenantId, clientId: randomUUID(), clientSecret: "made-up-secret" })).toEqual({ tenantProven: false });
    expect(await settingsOf(b.customerId)).toMatchObject({ tenantId: tenant.tenantId, verifiedTenantId: null, tenantVerifiedAt: null });
    // ...so B's SCIM user with A's object ID is a contact, not A's Entra account.
    const token = (await createScimToken(b, "Entra")).token;
    expect((await scimRequest(token, "POST", "/Users", { userName: "pat@b.example", externalId: person.id, displayName: "Pat Squatted" })).status).toBe(201);
    const squatted = await scimEntryOf(b.customerId, person.id);
    expect(squatted).toMatchObject({ aadTenantId: null, aadObjectId: null });
    expect(await picker(b, "Pat")).toEqual([]);
    const bRefusal = await refusal(linkOwnAccount(b, squatted.id));

    // 3. A links the person and signs them in with Microsoft.
    const entry = await createEntraEntry(a, { tenantId: tenant.tenantId, objectId: person.id, displayName: "Pat Squatted" });
    expect(await picker(a, "Pat")).toEqual(["Pat Squatted"]);
    const user = await createTestUser(a);
    await updateUser(a, {
      id: user.id,
      name: "Pat",
      email: null,
      extension: null,
      site: null,
      groupMemberType: null,
      package: null,
      userType: null,
      aadLink: entry.id,
      password: undefined,
    });
    const company = (await microsoftCompany({ slug: a.slug }))!;
    expect(await resolveMicrosoftLogin(company, { tid: tenant.tenantId, oid: person.id })).toMatchObject({
      actor: { accountId: user.id, customerId: a.customerId },
    });
    // B offers no Microsoft sign-in for a tenant it never proved.
    await db().update(entraSettings).set({ enabled: true }).where(eq(entraSettings.customerId, b.customerId));
    expect(await microsoftCompany({ slug: b.slug })).toBeNull();

    // 4. A third company that really holds the tenant (an app of its own in it) tries to link the person A linked:
    // refused with exactly the words B got for an account linked nowhere, and its picker still shows the person.
    const c = await createCustomerWithManager();
    const app = await emulatorAdmin().createApp(tenant.tenantId, { displayName: "C", permissions: ["User.Read.All"], secret: {} });
    expect(await configureSync(c, { tenantId: tenant.tenantId, clientId: app.clientId, clientSecret: app.secret!.value }, { usage: "use" })).toEqual({
      tenantProven: true,
    });
    const theirs = await createEntraEntry(c, { tenantId: tenant.tenantId, objectId: person.id, displayName: "Pat Squatted" });
    expect(await picker(c, "Pat")).toEqual(["Pat Squatted"]);
    const cRefusal = await refusal(linkOwnAccount(c, theirs.id));
    const shape = (e: AppError) => ({ code: e.code, status: e.status, message: e.message, fieldErrors: e.fieldErrors });
    expect(shape(cRefusal)).toEqual(shape(bRefusal));
    expect(cRefusal.message).not.toMatch(/another company|already linked|Pat/);
  });

  it("needs new proof for a changed tenant or client ID, and treats rows from before the proof as unproven until saved again", async () => {
    const { manager, tenant } = await createEntraCompany({ usage: "not_use" });
    // A row as the migration leaves it: no proof.
    await db()
      .update(entraSettings)
      .set({ verifiedTenantId: null, verifiedClientId: null, tenantVerifiedAt: null })
      .where(eq(entraSettings.customerId, manager.customerId));
    const token = (await createScimToken(manager, "Entra")).token;
    const objectId = randomUUID();
    await scimRequest(token, "POST", "/Users", { userName: "lee@a.example", externalId: objectId, displayName: "Lee" });
    expect(await scimEntryOf(manager.customerId, objectId)).toMatchObject({ aadTenantId: null });
    const entry = await createEntraEntry(manager, { tenantId: tenant.tenantId, displayName: "Lee Synced" });
    expect((await refusal(linkOwnAccount(manager, entry.id))).message).toMatch(/cannot be linked/);

    // Saved again with Use and the secret left blank: the kept secret proves the tenant.
    expect(await configureSync(manager, { ...tenant, clientSecret: "" }, { usage: "use" })).toEqual({ tenantProven: true });
    await linkOwnAccount(manager, entry.id);
    await linkOwnAccount(manager, "none");

    // Another client ID of the same tenant, without a working secret for it: refused with Use, unproven with Not use.
    await expect(configureSync(manager, { ...tenant, clientId: randomUUID(), clientSecret: "" }, { usage: "use" })).rejects.toMatchObject({
      code: "invalid_input",
    });
    expect(await settingsOf(manager.customerId)).toMatchObject({ clientId: tenant.clientId, verifiedClientId: tenant.clientId });
    expect(await configureSync(manager, { ...tenant, clientId: randomUUID(), clientSecret: "" })).toEqual({ tenantProven: false });
    expect((await refusal(linkOwnAccount(manager, entry.id))).message).toMatch(/cannot be linked/);
  });

  it("is proven by a sync that got a token, for a row saved before proofs existed", async () => {
    const worker = startTestWorker();
    try {
      const { manager, tenant } = await createEntraCompany({ usage: "not_use", users: 3 });
      await db()
        .update(entraSettings)
        .set({ verifiedTenantId: null, verifiedClientId: null, tenantVerifiedAt: null })
        .where(eq(entraSettings.customerId, manager.customerId));
      expect(await syncNow(manager)).toMatchObject({ status: "succeeded" });
      expect(await settingsOf(manager.customerId)).toMatchObject({
        verifiedTenantId: tenant.tenantId,
        verifiedClientId: tenant.clientId,
        tenantVerifiedAt: expect.any(Date),
      });
    } finally {
      await worker.close();
    }
  });
});
