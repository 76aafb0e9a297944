/**
 * What went wrong talking to a directory, in words an administrator can act
 * on; `retryable` when the same request may well work later (the server was
 * unreachable or went away), not when settings or a password must change.
 */
export type LdapProblem = { code: string; message: string; retryable: boolean };

/** A problem we found ourselves (before or instead of asking the server); explainLdapError passes it through. */
export class LdapProblemError extends Error {
  constructor(readonly problem: LdapProblem) {
    super(problem.message);
    this.name = "LdapProblemError";
  }
}
