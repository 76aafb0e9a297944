import "server-only";
import { db } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CustomerActor } from "@/lib/actor";
import { LDAP_PAGE_SIZE } from "@/lib/ldap/ldap-connection-config";
import { testLdapConnection, type LdapConnectionCheck } from "@/lib/ldap/test-ldap-connection";
import type { LdapConnectionInput } from "@/lib/validation/ldap-settings-input";
import { describeLdapProblem, isBindProblem } from "./describe-ldap-problem";
import { getLdapSettings } from "./get-ldap-settings";
import { loadLdapConnection } from "./load-ldap-connection";
import { requirePasswordFor } from "./stored-password-rule";

export type LdapTestResult = { ok: true; message: string } | { ok: false; code: string; message: string };

/**
 * Test connection: the values on the form (the password typed, or else the
 * stored one for the same server) go through every step an import takes, up
 * to the first page of users. The answer is in plain words and never repeats
 * the password; the audit record says what was tried and how it went.
 */
export async function testLdapSettings(actor: CustomerActor, input: LdapConnectionInput): Promise<LdapTestResult> {
  requirePasswordFor(await getLdapSettings({ customerId: actor.customerId }), input, "test");
  const bindPassword = input.bindPassword ?? (await loadLdapConnection({ customerId: actor.customerId })).config.bindPassword;
  const { bindPassword: _typed, ...config } = input;
  const check = await testLdapConnection({ ...config, bindPassword });
  const result = resultOf(check);
  await recordAudit(db(), actor, {
    action: "ldap_settings.test_connection",
    targetType: "ldap_settings",
    targetId: actor.customerId,
    detail: { url: input.url, baseDn: input.baseDn, bindName: input.bindName, storedPassword: !input.bindPassword, outcome: result.ok ? "ok" : result.code },
  });
  return result;
}

function resultOf(check: LdapConnectionCheck): LdapTestResult {
  if (!check.ok) {
    const words = describeLdapProblem(check.problem);
    return { ok: false, code: check.problem.code, message: isBindProblem(check.problem) ? `The proxy user could not sign in: ${words}` : words };
  }
  const { usersInFirstPage: n, sampleUser } = check;
  if (n === 0) {
    return {
      ok: true,
      message: "Connected: the proxy user signed in, but no user under the base DN matches the user filter. Check the base DN and the filter.",
    };
  }
  const count = n >= LDAP_PAGE_SIZE ? `at least ${LDAP_PAGE_SIZE.toLocaleString("en")} users` : `${n} user${n === 1 ? "" : "s"}`;
  return { ok: true, message: `Connected: the proxy user signed in and found ${count} under the base DN${sampleUser ? ` (for example ${sampleUser})` : ""}.` };
}
