import "server-only";
import { loginSuspendedMessage } from "@/lib/suspension/customer-suspended";
import { and, eq, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { accounts, customers, directoryEntries, ldapSettings } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { authenticateDirectoryUser } from "@/lib/ldap/authenticate-directory-user";
import { reduceUsername } from "@/lib/ldap/reduce-username";
import { loadLdapConnection } from "@/lib/connectors/active-directory/settings/load-ldap-connection";
import { logger } from "@/lib/logger";
import { companySlugFrom } from "@/lib/microsoft-sign-in/microsoft-company";
import type { Actor } from "@/lib/actor";
import { addressKey, attemptSucceeded, portalKey, refundAttempt, reserveAttempt, type Attempt } from "@/lib/lockout/sign-in-failures";
import { ofCustomer } from "@/lib/tenancy";

const wrongCredentials = "The user name or password is incorrect.";

// Told only to someone whose password was right: AD answers these sub-codes only then.
const accountProblems: Record<string, string> = {
  account_disabled: "Your directory account is disabled. Ask your administrator.",
  account_expired: "Your directory account has expired. Ask your administrator.",
  password_expired: "Your directory password has expired. Change it at your computer, then sign in again.",
  must_change_password: "You must change your directory password before signing in. Change it at your computer, then sign in again.",
  account_locked: "Your directory account is locked. Try again later or ask your administrator.",
};

/**
 * "Configure authentication: YES": a login linked to an entry imported from
 * Active Directory signs in with the directory password. The company's
 * settings decide whether this is offered; AD checks the password (a bind as
 * the person's own DN); the login must be linked to that entry, and the entry
 * still active. The same lockout as password sign-in applies, per company and
 * user name and per client address.
 */
export async function signInWithDirectory(input: { company: string; username: string; password: string; clientAddress: string }): Promise<Actor> {
  const slug = companySlugFrom(input.company);
  const username = reduceUsername(input.username).toLowerCase();
  if (!slug || !username) throw new AppError("invalid_input", "Enter your company and user name.");
  // An empty password would be an unauthenticated bind, which AD answers with success.
  if (input.password.trim() === "") throw new AppError("invalid_input", "Enter your password.");

  const keys = [portalKey(`directory:${slug}:${username}`), addressKey(input.clientAddress)];
  // Reserved before anything is asked, so parallel guesses cannot outrun the limit.
  const attempt = await reserveAttempt(keys).catch((error: unknown) => {
    if (error instanceof AppError) logger.warn({ slug, clientAddress: input.clientAddress }, "directory sign-in refused: locked out");
    throw error;
  });
  const account = await checkDirectoryPassword(slug, username, input.password, input.clientAddress, attempt);
  await attemptSucceeded(attempt);
  logger.info({ accountId: account.id }, "signed in with directory password");
  return { accountId: account.id, role: account.role, customerId: account.customerId, portalId: account.portalId, name: account.name };
}

/**
 * Everything after the reservation. Only a password the directory refused
 * keeps it as a failure; any other refusal (not offered, the directory down,
 * an account problem AD tells only after a right password, no linked login)
 * judged no guess, so the reservation is given back. An unexpected error keeps
 * it: what cannot be told apart from a guess counts as one.
 */
async function checkDirectoryPassword(slug: string, username: string, password: string, clientAddress: string, attempt: Attempt) {
  try {
    return await findDirectoryAccount(slug, username, password, clientAddress);
  } catch (error) {
    if (error instanceof AppError && error.code !== "unauthenticated") await refundAttempt(attempt);
    throw error;
  }
}

async function findDirectoryAccount(slug: string, username: string, password: string, clientAddress: string) {
  const [company] = await db()
    .select({ customerId: customers.id })
    .from(customers)
    .innerJoin(ldapSettings, eq(ldapSettings.customerId, customers.id))
    .where(and(eq(customers.slug, slug), eq(ldapSettings.authenticationEnabled, true), isNull(customers.suspendedAt)))
    .limit(1);
  if (!company) throw new AppError("forbidden", `Sign-in with a directory password is not enabled for “${slug}”.`);

  const { config } = await loadLdapConnection({ customerId: company.customerId });
  const result = await authenticateDirectoryUser(config, username, password);
  if (!result.ok) {
    if (result.stage === "directory") {
      logger.error({ customerId: company.customerId, code: result.problem.code }, "directory sign-in: the directory could not be asked");
      throw new AppError("unavailable", "Your company's directory cannot be reached right now. Please try again later.");
    }
    logger.info({ customerId: company.customerId, code: result.problem.code, clientAddress }, "directory sign-in failed");
    const told = accountProblems[result.problem.code];
    if (told) throw new AppError("forbidden", told);
    throw new AppError("unauthenticated", wrongCredentials);
  }

  const [linked] = await db()
    .select({ account: accounts, entryStatus: directoryEntries.status })
    .from(accounts)
    .leftJoin(
      directoryEntries,
      and(
        eq(directoryEntries.customerId, accounts.customerId),
        eq(directoryEntries.ldapObjectGuid, accounts.ldapObjectGuid),
        eq(directoryEntries.source, "active-directory"),
      ),
    )
    .where(and(ofCustomer(accounts, company.customerId), eq(accounts.ldapObjectGuid, result.user.objectGuid)))
    .limit(1);
  if (!linked) throw new AppError("forbidden", "Your directory account has no portal login. Ask your manager to create one.");
  if (linked.entryStatus !== "active") {
    logger.info({ accountId: linked.account.id, entryStatus: linked.entryStatus }, "directory sign-in refused: the entry is not active");
    throw new AppError("forbidden", "Your directory account is disabled or removed in the company directory. Ask your manager.");
  }
  if (linked.account.suspendedAt) {
    logger.info({ accountId: linked.account.id }, "directory sign-in refused: login suspended by provisioning");
    throw new AppError("forbidden", loginSuspendedMessage);
  }

  return linked.account;
}
