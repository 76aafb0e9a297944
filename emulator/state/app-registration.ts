import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { DirectoryError } from "./directory-error";
import { randomGuid } from "./ids";
import { redirectUriMatches } from "./redirect-uri-match";

export interface ClientSecret {
  keyId: string;
  displayName: string;
  /** The first three characters, as the Entra portal shows them after creation. */
  hint: string;
  hash: string;
  expiresAt: Date;
}

export type SecretCheck = "valid" | "expired" | "wrong";

/** Entra caps client secrets at 24 months. */
const MAX_SECRET_LIFETIME_MS = 730 * 24 * 60 * 60 * 1000;

/**
 * An app registration with its service principal in one tenant: client ID,
 * secrets (stored as hashes; the value is shown once, as in Entra), granted
 * application permissions and redirect URIs.
 */
export class AppRegistration {
  readonly secrets: ClientSecret[] = [];
  readonly permissions = new Set<string>();
  readonly redirectUris: string[] = [];

  constructor(
    readonly clientId: string,
    readonly displayName: string,
    /** Object ID of the service principal: the `oid`/`sub` of app-only tokens. */
    readonly servicePrincipalId: string,
  ) {}

  addSecret(options: { value?: string; expiresAt?: Date; displayName?: string; keyId?: string } = {}): { keyId: string; value: string; expiresAt: Date } {
    const value = options.value ?? newSecretValue();
    const expiresAt = options.expiresAt ?? new Date(Date.now() + 180 * 24 * 60 * 60 * 1000);
    if (expiresAt.getTime() - Date.now() > MAX_SECRET_LIFETIME_MS) {
      throw new DirectoryError(400, "Client secrets can live at most 24 months.");
    }
    const keyId = options.keyId ?? randomGuid();
    this.secrets.push({ keyId, displayName: options.displayName ?? "secret", hint: value.slice(0, 3), hash: hashSecret(value), expiresAt });
    return { keyId, value, expiresAt };
  }

  removeSecret(keyId: string): void {
    const index = this.secrets.findIndex((secret) => secret.keyId === keyId);
    if (index < 0) throw new DirectoryError(404, `Secret '${keyId}' does not exist.`);
    this.secrets.splice(index, 1);
  }

  /** Distinguishes a wrong value from a right-but-expired one, as AADSTS7000215 vs 7000222 do. */
  checkSecret(value: string, now = Date.now()): SecretCheck {
    const presented = Buffer.from(hashSecret(value));
    const match = this.secrets.find((secret) => timingSafeEqual(presented, Buffer.from(secret.hash)));
    if (!match) return "wrong";
    return match.expiresAt.getTime() > now ? "valid" : "expired";
  }

  addRedirectUri(uri: string): void {
    new URL(uri);
    if (!this.redirectUris.includes(uri)) this.redirectUris.push(uri);
  }

  acceptsRedirectUri(uri: string): boolean {
    return this.redirectUris.some((registered) => redirectUriMatches(registered, uri));
  }

  describe() {
    return {
      clientId: this.clientId,
      displayName: this.displayName,
      servicePrincipalId: this.servicePrincipalId,
      permissions: [...this.permissions].sort(),
      redirectUris: [...this.redirectUris],
      secrets: this.secrets.map(({ keyId, displayName, hint, expiresAt }) => ({ keyId, displayName, hint, expiresAt: expiresAt.toISOString() })),
    };
  }
}

export type AppDescription = ReturnType<AppRegistration["describe"]>;

function hashSecret(value: string): string {
  return createHash("sha256").update(value).digest("base64");
}

/** 40 characters with the `~` Entra puts in generated secret values. */
function newSecretValue(): string {
  const body = randomBytes(30).toString("base64url").slice(0, 36);
  return `${body.slice(0, 3)}8Q~${body.slice(3)}`;
}
