import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, entraSettings } from "@/db/schema";
import { normalizePortalId } from "@/lib/accounts/portal-id";
import { verifyAgainstNothing, verifyPassword } from "@/lib/accounts/password";
import { AppError } from "@/lib/errors";
import { tenantProven } from "@/lib/connectors/entra/settings/proven-tenant";
import { logger } from "@/lib/logger";
import type { Actor } from "@/lib/actor";
import { addressKey, attemptSucceeded, portalKey, reserveAttempt } from "@/lib/lockout/sign-in-failures";
import { ofCustomer } from "@/lib/tenancy";
import { isCustomerSuspended, loginSuspendedMessage, suspendedMessage } from "@/lib/suspension/customer-suspended";

const wrongCredentials = "The portal ID or password is incorrect.";

/**
 * Checks a portal ID and password. The guess is reserved against the lockout
 * before the account is even looked up (so parallel guesses cannot outrun the
 * limit), and every failure reads the same, so neither the message nor the
 * timing tells whether a portal ID exists.
 */
export async function signInWithPassword(input: { portalId: string; password: string; clientAddress: string }): Promise<Actor> {
  const portalId = normalizePortalId(input.portalId);
  const keys = [portalKey(portalId), addressKey(input.clientAddress)];

  const attempt = await reserveAttempt(keys).catch((error: unknown) => {
    if (error instanceof AppError) logger.warn({ portalId, clientAddress: input.clientAddress }, "sign-in refused: locked out");
    throw error;
  });

  const [account] = await db().select().from(accounts).where(eq(accounts.portalId, portalId)).limit(1);
  const valid = account ? await verifyPassword(account.passwordHash, input.password) : await verifyAgainstNothing(input.password);

  if (!account || !valid) {
    // The reservation stays: it is this failure.
    logger.info({ portalId, clientAddress: input.clientAddress }, "sign-in failed");
    throw new AppError("unauthenticated", wrongCredentials);
  }

  await attemptSucceeded(attempt);
  // Told only to someone who knew the password, so it reveals nothing to a guesser.
  if (account.customerId && (await isCustomerSuspended(account.customerId))) {
    logger.info({ accountId: account.id }, "password sign-in refused: company suspended");
    throw new AppError("forbidden", suspendedMessage);
  }
  if (account.suspendedAt) {
    logger.info({ accountId: account.id }, "password sign-in refused: login suspended by provisioning");
    throw new AppError("forbidden", loginSuspendedMessage);
  }
  if (account.aadObjectId && account.customerId && (await requiresMicrosoftSignIn(account.customerId))) {
    logger.info({ accountId: account.id }, "password sign-in refused: Microsoft sign-in required");
    throw new AppError("forbidden", "Your company requires Sign in with Microsoft for your login. Use “Sign in with Microsoft” below.");
  }
  logger.info({ accountId: account.id, role: account.role }, "signed in with password");
  return {
    accountId: account.id,
    role: account.role,
    customerId: account.customerId,
    portalId: account.portalId,
    name: account.name,
  };
}

/**
 * The company's "require Microsoft sign-in for linked logins", which counts only while Microsoft sign-in
 * is offered: enabled, and under a proven tenant (an unproven one offers none, so requiring it would lock people out).
 */
async function requiresMicrosoftSignIn(customerId: string): Promise<boolean> {
  const [settings] = await db()
    .select({ required: entraSettings.requireMicrosoftSignIn })
    .from(entraSettings)
    .where(and(ofCustomer(entraSettings, customerId), eq(entraSettings.enabled, true), tenantProven))
    .limit(1);
  return settings?.required ?? false;
}
