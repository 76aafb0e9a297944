import { randomUUID } from "node:crypto";
import type { JWTPayload } from "jose";
import type { IdTokenFlaw } from "../faults/fault-settings";
import { idTokenIssuer } from "./token-claims";

/** Claims as a flawed token would carry them (`tampered` is applied after signing). */
export function flawedClaims(claims: JWTPayload, flaw: IdTokenFlaw | undefined, origin: string): JWTPayload {
  switch (flaw) {
    case "expired":
      return { ...claims, iat: claims.iat! - 7200, nbf: claims.nbf! - 7200, exp: claims.iat! - 3600 };
    case "wrongAudience":
      return { ...claims, aud: randomUUID() };
    case "wrongNonce":
      return { ...claims, nonce: randomUUID() };
    case "otherTenant": {
      const tid = randomUUID();
      return { ...claims, tid, iss: idTokenIssuer(origin, tid) };
    }
    default:
      return claims;
  }
}

/** A signed token whose payload was changed afterwards: the signature no longer matches. */
export function tamperWith(jwt: string): string {
  const [header, payload, signature] = jwt.split(".");
  const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as JWTPayload;
  const forged = Buffer.from(JSON.stringify({ ...claims, name: "Mallory" })).toString("base64url");
  return [header, forged, signature].join(".");
}
