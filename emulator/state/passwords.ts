import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Passwords here are test fixtures for the sign-in page, not secrets worth a
 * slow KDF: a salted SHA-256 keeps bulk generation of a million users fast.
 * The salt only stops the hash from being a plain lookup of the demo password.
 */
const SALT = "switchboard-entra-emulator";

export function hashPassword(password: string): string {
  return createHash("sha256").update(SALT).update(password).digest("base64");
}

export function verifyPassword(password: string, hash: string | null): boolean {
  if (hash === null) return false;
  const presented = Buffer.from(hashPassword(password));
  const stored = Buffer.from(hash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
