import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { accounts } from "@/db/schema";
import { violatedConstraint } from "@/lib/db-errors";
import { createCustomerWithManager, createTestUser } from "../support/factories";

// Linking itself arrives with its own feature; the rule that one Entra account
// belongs to one login is the database's, and is proven here on raw updates.
const link = (accountId: string, tenantId: string, objectId: string) =>
  db().update(accounts).set({ aadTenantId: tenantId, aadObjectId: objectId }).where(eq(accounts.id, accountId));

async function constraintOf(write: Promise<unknown>): Promise<string | null> {
  try {
    await write;
    return null;
  } catch (error) {
    return violatedConstraint(error);
  }
}

describe("one Entra account, one login", () => {
  it("refuses a second user with the same tenant + object ID", async () => {
    const manager = await createCustomerWithManager();
    const [a, b] = [await createTestUser(manager), await createTestUser(manager)];
    const [tenant, object] = [randomUUID(), randomUUID()];
    await link(a.id, tenant, object);
    expect(await constraintOf(link(b.id, tenant, object))).toBe("accounts_entra_link_unique");
  });

  it("refuses a manager taking a user's Entra account, even in another customer", async () => {
    const managerA = await createCustomerWithManager();
    const managerB = await createCustomerWithManager();
    const user = await createTestUser(managerA);
    const [tenant, object] = [randomUUID(), randomUUID()];
    await link(user.id, tenant, object);
    expect(await constraintOf(link(managerA.accountId, tenant, object))).toBe("accounts_entra_link_unique");
    expect(await constraintOf(link(managerB.accountId, tenant, object))).toBe("accounts_entra_link_unique");
  });

  it("allows the same object ID in another tenant, and refuses half a link", async () => {
    const manager = await createCustomerWithManager();
    const [a, b] = [await createTestUser(manager), await createTestUser(manager)];
    const object = randomUUID();
    await link(a.id, randomUUID(), object);
    expect(await constraintOf(link(b.id, randomUUID(), object))).toBeNull();
    const half = db().update(accounts).set({ aadTenantId: randomUUID(), aadObjectId: null }).where(eq(accounts.id, b.id));
    expect(await constraintOf(half)).toBe("accounts_entra_link_complete");
  });
});
