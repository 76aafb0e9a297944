import { randomUUID } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts, auditLog, directoryEntries, entraSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { linkOwnAccount } from "@/lib/linking/link-own-account";
import { candidateLimit, searchLinkCandidates } from "@/lib/linking/search-link-candidates";
import { createManager } from "@/lib/managers/create-manager";
import { listUsers } from "@/lib/users/list-users";
import { updateUser } from "@/lib/users/update-user";
import { createCustomerWithManager, createEntraEntry, createTestUser, testPassword, unique } from "../support/factories";
import { configureSync, createEntraCompany, emulatorAdmin } from "../support/sync-fixture";

type Manager = Awaited<ReturnType<typeof createCustomerWithManager>>;

const linkOf = async (accountId: string) =>
  (await db().select({ tid: accounts.aadTenantId, oid: accounts.aadObjectId }).from(accounts).where(eq(accounts.id, accountId)))[0]!;

const edit = (id: string, aadLink: string) => ({
  id,
  name: "Linked Person",
  email: null,
  extension: null,
  site: null,
  groupMemberType: null,
  package: null,
  userType: null,
  aadLink,
  password: undefined,
});

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("linking Entra accounts to logins", () => {
  let manager: Manager;
  beforeAll(async () => {
    ({ manager } = await createEntraCompany());
  });

  it("links a user to a synced entry, shows it in the user list, audits it, and unlinks", async () => {
    const user = await createTestUser(manager);
    const entry = await createEntraEntry(manager, { displayName: "Adele Vance" });
    await updateUser(manager, edit(user.id, entry.id));
    expect(await linkOf(user.id)).toEqual({ tid: entry.aadTenantId, oid: entry.aadObjectId });
    const listed = await listUsers({ customerId: manager.customerId, q: user.portalId });
    expect(listed.rows[0]).toMatchObject({ linkedName: "Adele Vance", linkedUpn: entry.userPrincipalName });

    await updateUser(manager, edit(user.id, "unchanged"));
    expect((await linkOf(user.id)).oid).toBe(entry.aadObjectId);
    await updateUser(manager, edit(user.id, "none"));
    expect(await linkOf(user.id)).toEqual({ tid: null, oid: null });
    const audits = await db().select().from(auditLog).where(eq(auditLog.targetId, user.id)).orderBy(desc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["account.link", "account.unlink"]));
  });

  it("refuses the same Entra account for a second user, naming the login that holds it", async () => {
    const [first, second] = [await createTestUser(manager), await createTestUser(manager)];
    const entry = await createEntraEntry(manager, { displayName: "Megan Bowen" });
    await updateUser(manager, edit(first.id, entry.id));
    const error = await refusal(updateUser(manager, edit(second.id, entry.id)));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe(`Megan Bowen is already linked to the login ${first.portalId}. Unlink it there first.`);
    expect((await linkOf(second.id)).oid).toBeNull();
  });

  it("refuses a manager taking a user's Entra account, and a user taking a manager's", async () => {
    const user = await createTestUser(manager);
    const entry = await createEntraEntry(manager);
    await updateUser(manager, edit(user.id, entry.id));
    expect((await refusal(linkOwnAccount(manager, entry.id))).message).toContain(`linked to the login ${user.portalId}`);

    const mine = await createEntraEntry(manager);
    await linkOwnAccount(manager, mine.id);
    expect((await linkOf(manager.accountId)).oid).toBe(mine.aadObjectId);
    const other = await createTestUser(manager);
    expect((await refusal(updateUser(manager, edit(other.id, mine.id)))).message).toContain(`linked to the login ${manager.portalId}`);
    await linkOwnAccount(manager, "none");
  });

  it("says nothing about a clash in another company: the same neutral refusal as for any account that cannot be linked", async () => {
    // A second company that holds the same tenant (an app of its own there, proven on save).
    const admin = emulatorAdmin();
    const tenantId = (await db().select({ t: entraSettings.tenantId }).from(entraSettings).where(eq(entraSettings.customerId, manager.customerId)))[0]!.t;
    const app = await admin.createApp(tenantId, { displayName: "Other company", permissions: ["User.Read.All"], secret: {} });
    const otherCompany = await createCustomerWithManager();
    await configureSync(otherCompany, { tenantId, clientId: app.clientId, clientSecret: app.secret!.value }, { usage: "use" });
    const objectId = randomUUID();
    const theirs = await createEntraEntry(otherCompany, { tenantId, objectId });
    await linkOwnAccount(otherCompany, theirs.id);

    const ours = await createEntraEntry(manager, { tenantId, objectId });
    const user = await createTestUser(manager);
    const clash = await refusal(updateUser(manager, edit(user.id, ours.id)));
    expect(clash.message).not.toContain(otherCompany.portalId);
    expect(clash.message).not.toMatch(/another company|already linked/);
    // An entry that is linked nowhere but cannot be linked either (another company's) gets the very same answer.
    const foreign = await createEntraEntry(await createCustomerWithManager());
    const other = await refusal(updateUser(manager, edit(user.id, foreign.id)));
    expect({ code: clash.code, message: clash.message, fieldErrors: clash.fieldErrors }).toEqual({
      code: other.code,
      message: other.message,
      fieldErrors: other.fieldErrors,
    });
    expect((await linkOf(user.id)).oid).toBeNull();
  });

  it("links only active Entra entries of the company's own directory", async () => {
    const user = await createTestUser(manager);
    const otherCompany = await createCustomerWithManager();
    const foreign = await createEntraEntry(otherCompany);
    expect((await refusal(updateUser(manager, edit(user.id, foreign.id)))).message).toMatch(/cannot be linked/);
    const disabled = await createEntraEntry(manager, { status: "disabled" });
    expect((await refusal(updateUser(manager, edit(user.id, disabled.id)))).message).toContain("is disabled in Entra");
    expect((await linkOf(user.id)).oid).toBeNull();
  });

  it("never lets one manager change another manager's link", async () => {
    const second = await createManager(manager, { localPart: `m-${unique()}`, name: "Second", email: null, password: testPassword });
    const entry = await createEntraEntry(manager);
    // The user action refuses a manager's ID as "not found"...
    expect((await refusal(updateUser(manager, edit(second.id, entry.id)))).code).toBe("not_found");
    // ...and the own-link action has no account to name: whatever the form carries, it links the actor.
    await linkOwnAccount(manager, entry.id);
    expect((await linkOf(second.id)).oid).toBeNull();
    expect((await linkOf(manager.accountId)).oid).toBe(entry.aadObjectId);
    await linkOwnAccount(manager, "none");
  });
});

describe("the AAD ID picker's search", () => {
  it("finds unlinked, active, synced entries by name, e-mail or UPN, only the company's own", async () => {
    const { manager } = await createEntraCompany();
    const target = await createEntraEntry(manager, { displayName: "Diego Siciliani", email: "diegos@contoso.example" });
    const linked = await createEntraEntry(manager, { displayName: "Diego Linked" });
    await linkOwnAccount(manager, linked.id);
    await createEntraEntry(manager, { displayName: "Diego Disabled", status: "disabled" });
    await createEntraEntry(await createCustomerWithManager(), { displayName: "Diego Elsewhere" });
    await db().insert(directoryEntries).values({ customerId: manager.customerId, displayName: "Diego Manual", source: "manual" });

    const names = async (q: string) => (await searchLinkCandidates({ customerId: manager.customerId, q })).map((c) => c.displayName);
    expect(await names("diego")).toEqual(["Diego Siciliani"]);
    expect(await names("DIEGOS@contoso")).toEqual(["Diego Siciliani"]);
    expect(await names(target.userPrincipalName!.slice(0, 6))).toEqual(["Diego Siciliani"]);
    expect(await names("100%_")).toEqual([]);
  });

  it("answers from a 100,000-entry directory with at most one page of matches", async () => {
    const { manager, tenant } = await createEntraCompany();
    await db().execute(sql`
      insert into directory_entries (customer_id, display_name, email, user_principal_name, source, aad_tenant_id, aad_object_id)
      select ${manager.customerId}, 'Person ' || n, 'p' || n || '@big.example', 'p' || n || '@big.onmicrosoft.com', 'entra', ${tenant.tenantId}, gen_random_uuid()
      from generate_series(1, 100000) as n`);
    const many = await searchLinkCandidates({ customerId: manager.customerId, q: "person 9" });
    expect(many).toHaveLength(candidateLimit);
    const one = await searchLinkCandidates({ customerId: manager.customerId, q: "p99999@big.onmicrosoft" });
    expect(one.map((c) => c.displayName)).toEqual(["Person 99999"]);
    const count = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(directoryEntries)
      .where(and(eq(directoryEntries.customerId, manager.customerId)));
    expect(count[0]!.n).toBe(100_000);
  }, 120_000);
});
