import { randomBytes } from "node:crypto";

export interface AuthorizationGrant {
  tenantId: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  expiresAt: number;
  redeemed: boolean;
}

/** Entra's authorization codes are short-lived (about ten minutes) and single-use. */
const CODE_LIFETIME_MS = 10 * 60 * 1000;

/**
 * Authorization codes between the sign-in page and the token endpoint. A
 * redeemed code is kept until it expires so a replay is told "already
 * redeemed" (AADSTS54005), not "invalid".
 */
export class AuthorizationCodes {
  private readonly grants = new Map<string, AuthorizationGrant>();

  issue(grant: Omit<AuthorizationGrant, "expiresAt" | "redeemed">, now = Date.now()): string {
    this.sweep(now);
    const code = `1.${randomBytes(48).toString("base64url")}`;
    this.grants.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS, redeemed: false });
    return code;
  }

  find(code: string): AuthorizationGrant | undefined {
    return this.grants.get(code);
  }

  /** Test hook: make a code look ten minutes old. */
  expire(code: string): void {
    const grant = this.grants.get(code);
    if (grant) grant.expiresAt = 0;
  }

  private sweep(now: number): void {
    for (const [code, grant] of this.grants) {
      // Keep expired codes a little longer so late replays still get a precise error.
      if (grant.expiresAt + CODE_LIFETIME_MS < now) this.grants.delete(code);
    }
  }
}
