import { createHash, timingSafeEqual } from "node:crypto";

/** RFC 7636: a verifier/challenge is 43-128 characters of [A-Za-z0-9-._~]. */
const PKCE_VALUE = /^[A-Za-z0-9\-._~]{43,128}$/;

export function isWellFormedPkceValue(value: string): boolean {
  return PKCE_VALUE.test(value);
}

export function pkceMatches(verifier: string, challenge: string, method: "S256" | "plain"): boolean {
  const derived = method === "S256" ? createHash("sha256").update(verifier).digest("base64url") : verifier;
  const a = Buffer.from(derived);
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}
