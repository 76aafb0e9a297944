import { randomUUID } from "node:crypto";
import { db } from "@/db/client";
import { eq } from "drizzle-orm";
import { accounts, directoryEntries, entraSettings } from "@/db/schema";
import { hashPassword } from "@/lib/accounts/password";
import type { Actor, CustomerActor } from "@/lib/actor";
import { createCustomer } from "@/lib/customers/create-customer";
import { createDirectoryEntry } from "@/lib/directory/create-directory-entry";
import { createUser } from "@/lib/users/create-user";

export const testPassword = "correct-horse-battery";

/** A unique suffix so tests that share one database never collide. */
export const unique = () => randomUUID().slice(0, 8);

export async function createOperator(): Promise<Actor> {
  const portalId = `operator-${unique()}`;
  const [row] = await db()
    .insert(accounts)
    .values({ role: "operator", portalId, passwordHash: await hashPassword(testPassword), name: "Operator" })
    .returning();
  return { accountId: row!.id, role: "operator", customerId: null, portalId, name: row!.name };
}

/** A customer with its first manager, returned as that manager's actor. */
export async function createCustomerWithManager(operator?: Actor): Promise<CustomerActor & { slug: string }> {
  const slug = `c-${unique()}`;
  const { customer, manager } = await createCustomer(operator ?? (await createOperator()), {
    name: `Customer ${slug}`,
    slug,
    timeZone: "Europe/Berlin",
    managerLocalPart: "boss",
    managerName: "Boss",
    managerEmail: null,
    managerPassword: testPassword,
  });
  return { accountId: manager.id, role: "manager", customerId: customer.id, portalId: manager.portalId, name: "Boss", slug };
}

export function createTestUser(manager: CustomerActor, overrides: { localPart?: string; extension?: string | null } = {}) {
  return createUser(manager, {
    localPart: overrides.localPart ?? `u-${unique()}`,
    password: testPassword,
    name: "Test User",
    email: null,
    extension: overrides.extension ?? null,
    aadLink: "none",
    site: null,
    groupMemberType: null,
    package: null,
    userType: null,
  });
}

export function createTestEntry(manager: CustomerActor, displayName = `Entry ${unique()}`) {
  return createDirectoryEntry(manager, {
    firstName: null,
    lastName: null,
    displayName,
    email: null,
    officePhone: null,
    mobilePhone: null,
    extension: null,
  });
}

/**
 * A directory entry as a sync writes it: source entra, with tenant + object ID
 * — by default in the tenant of the customer's MS AAD settings, if it has any.
 */
export async function createEntraEntry(
  manager: CustomerActor,
  overrides: { tenantId?: string; objectId?: string; displayName?: string; email?: string; status?: "active" | "disabled" | "removed" } = {},
) {
  const displayName = overrides.displayName ?? `Entra ${unique()}`;
  const [settings] = await db().select({ tenantId: entraSettings.tenantId }).from(entraSettings).where(eq(entraSettings.customerId, manager.customerId));
  const [entry] = await db()
    .insert(directoryEntries)
    .values({
      customerId: manager.customerId,
      displayName,
      firstName: displayName.split(" ")[0],
      lastName: displayName.split(" ")[1] ?? null,
      email: overrides.email ?? `${unique()}@example.org`,
      userPrincipalName: `${unique()}@contoso.example`,
      source: "entra",
      aadTenantId: overrides.tenantId ?? settings?.tenantId ?? randomUUID(),
      aadObjectId: overrides.objectId ?? randomUUID(),
      status: overrides.status ?? "active",
    })
    .returning();
  return entry!;
}
