import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { attemptSucceeded, portalKey, refundAttempt, reserveAttempt } from "@/lib/lockout/sign-in-failures";
import { getCustomer } from "@/lib/customers/get-customer";
import { authenticateDirectoryUser } from "@/lib/ldap/authenticate-directory-user";
import type { LdapTestAuthenticationInput } from "@/lib/validation/ldap-settings-input";
import { describeLdapProblem } from "./describe-ldap-problem";
import type { LdapTestResult } from "./test-ldap-settings";
import { loadLdapConnection } from "./load-ldap-connection";

// Problems AD reports only once the password was right: no guess to count.
const accountStates = new Set([
  "account_disabled",
  "account_expired",
  "password_expired",
  "must_change_password",
  "account_locked",
  "logon_hours",
  "logon_workstation",
]);

/**
 * Test authentication: checks one person's directory password against the
 * saved settings, exactly as directory sign-in will (find them as the proxy
 * user, then bind as them). Wrong guesses count towards the same lockout as
 * that sign-in (per company and user name), so this form cannot be used to
 * try passwords faster than the sign-in page allows. The password is never
 * repeated, logged or audited.
 */
export async function testLdapAuthentication(actor: CustomerActor, input: LdapTestAuthenticationInput): Promise<LdapTestResult> {
  const { slug } = await getCustomer({ customerId: actor.customerId });
  const username = input.username;
  const key = portalKey(`directory:${slug}:${username.toLowerCase()}`);
  // Reserved before the directory is asked, so parallel tests cannot outrun the limit.
  const attempt = await reserveAttempt([key]);
  const { settings, config } = await loadLdapConnection({ customerId: actor.customerId }).catch(async (error: unknown) => {
    await refundAttempt(attempt);
    throw error;
  });
  const outcome = await authenticateDirectoryUser(config, username, input.password);
  let result: LdapTestResult;
  if (outcome.ok) {
    await attemptSucceeded(attempt);
    const who = [outcome.user.givenName, outcome.user.sn].filter(Boolean).join(" ") || outcome.user.dn;
    const offered = settings.authenticationEnabled
      ? " With Configure authentication on, a login linked to this entry can sign in with this password."
      : " Directory sign-in is not offered yet: turn on “Configure authentication” and save.";
    result = { ok: true, message: `Authenticated: the directory accepted the password of ${username} (${who}).${offered}` };
  } else if (outcome.stage === "user") {
    // A wrong password keeps the reservation as its failure.
    if (accountStates.has(outcome.problem.code)) await refundAttempt(attempt);
    result = { ok: false, code: outcome.problem.code, message: `The directory refused ${username}: ${describeLdapProblem(outcome.problem)}` };
  } else {
    await refundAttempt(attempt);
    result = {
      ok: false,
      code: outcome.problem.code,
      message: `The directory could not be asked: ${describeLdapProblem(outcome.problem)}. Check the settings with Test connection.`,
    };
  }
  await recordAudit(db(), actor, {
    action: "ldap_settings.test_authentication",
    targetType: "ldap_settings",
    targetId: actor.customerId,
    detail: { username, outcome: result.ok ? "ok" : result.code },
  });
  return result;
}
