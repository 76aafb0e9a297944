import type { Worker } from "bullmq";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, scimTokens } from "@/db/schema";
import { actorOfSession } from "@/lib/auth/actor-of-session";
import { sessionVersionOf } from "@/lib/auth/session-version-of";
import { signInWithPassword } from "@/lib/auth/sign-in-with-password";
import { setCustomerSuspended } from "@/lib/customers/set-customer-suspended";
import type { DirectorySyncPayload } from "@/lib/jobs/directory-sync-job";
import { authenticateScimToken, createScimToken } from "@/lib/scim/tokens";
import { createOperator, createTestUser, testPassword, unique } from "../support/factories";
import { createEntraCompany, directoryOf, startTestWorker, syncNow } from "../support/sync-fixture";

describe("a suspended customer", () => {
  let worker: Worker<DirectorySyncPayload>;
  beforeAll(() => {
    worker = startTestWorker();
  });
  afterAll(() => worker.close());

  it("signs nobody in, ends open sessions, refuses its SCIM tokens and runs no sync — until reactivated, with its data untouched", async () => {
    const operator = await createOperator();
    const { manager } = await createEntraCompany({ users: 3 });
    const user = await createTestUser(manager, { localPart: `s-${unique()}` });
    const { token } = await createScimToken(manager, "suspension");
    expect((await syncNow(manager)).status).toBe("succeeded");
    const directory = await directoryOf(manager.customerId);
    const session = { accountId: user.id, sessionVersion: await sessionVersionOf(user.id) };
    const signIn = (portalId: string) => signInWithPassword({ portalId, password: testPassword, clientAddress: "198.51.100.7" });
    expect(await actorOfSession(session)).toMatchObject({ accountId: user.id });

    await setCustomerSuspended(operator, { customerId: manager.customerId, suspended: true });
    await expect(signIn(manager.portalId)).rejects.toThrow(/suspended/);
    await expect(signIn(user.portalId)).rejects.toThrow(/suspended/);
    expect(await actorOfSession(session)).toBeNull();
    const lastUsed = async () =>
      (await db().select({ at: scimTokens.lastUsedAt }).from(scimTokens).where(eq(scimTokens.customerId, manager.customerId)))[0]!.at;
    const usedBefore = await lastUsed();
    expect(await authenticateScimToken(token)).toBeNull();
    // Refused like a wrong token: not even its "last used" moves.
    expect(await lastUsed()).toEqual(usedBefore);
    const stopped = await syncNow(manager);
    expect(stopped).toMatchObject({ status: "failed", errorCode: "suspended" });
    expect(await directoryOf(manager.customerId)).toEqual(directory);

    await setCustomerSuspended(operator, { customerId: manager.customerId, suspended: false });
    // The session from before stays ended; a new sign-in opens a new one.
    expect(await actorOfSession(session)).toBeNull();
    await expect(signIn(user.portalId)).resolves.toMatchObject({ accountId: user.id });
    expect(await actorOfSession({ accountId: user.id, sessionVersion: await sessionVersionOf(user.id) })).toMatchObject({ accountId: user.id });
    expect(await authenticateScimToken(token)).toMatchObject({ customerId: manager.customerId });
    expect((await syncNow(manager)).status).toBe("succeeded");

    const audits = await db()
      .select({ action: auditLog.action, actor: auditLog.actorAccountId })
      .from(auditLog)
      .where(and(eq(auditLog.customerId, manager.customerId), eq(auditLog.targetType, "customer")));
    expect(audits).toEqual(
      expect.arrayContaining([
        { action: "customer.suspend", actor: operator.accountId },
        { action: "customer.reactivate", actor: operator.accountId },
      ]),
    );
  });

  it("is not found when it does not exist", async () => {
    await expect(setCustomerSuspended(await createOperator(), { customerId: "00000000-0000-4000-8000-000000000000", suspended: true })).rejects.toThrow(
      /not found/,
    );
  });
});
