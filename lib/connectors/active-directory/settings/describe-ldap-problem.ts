import type { LdapProblem } from "@/lib/ldap/ldap-problem";

// AD's sub-codes of a refused bind (error 49, "data 52e" …), as administrators look them up.
const adSubCodes: Record<string, string> = {
  wrong_password: "52e",
  no_such_account: "525",
  logon_hours: "530",
  logon_workstation: "531",
  password_expired: "532",
  account_disabled: "533",
  account_expired: "701",
  must_change_password: "773",
  account_locked: "775",
};

/** A problem as one line for the screen: its words, then AD's error code when there is one, else ours. */
export function describeLdapProblem(problem: LdapProblem): string {
  const adCode = adSubCodes[problem.code];
  return `${problem.message} (${adCode ? `AD error ${adCode}` : problem.code})`;
}

/** Whether the problem is about an account's sign-in (a refused bind), not the connection or the settings. */
export function isBindProblem(problem: LdapProblem): boolean {
  return problem.code in adSubCodes || problem.code === "invalid_credentials";
}
