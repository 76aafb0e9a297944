import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { calculateJwkThumbprint, exportJWK, importPKCS8, importSPKI, type JWK } from "jose";

type SigningCryptoKey = Awaited<ReturnType<typeof importPKCS8>>;

export interface SigningKey {
  kid: string;
  privateKey: SigningCryptoKey;
  publicKey: SigningCryptoKey;
  /** The public half as published in the JWKS. */
  jwk: JWK;
}

/**
 * The RSA key that signs id and access tokens, kept in the data directory so
 * tokens issued before a restart still verify after it. `kid` is the RFC 7638
 * thumbprint; Entra's kids are opaque strings too, so clients must match by kid.
 */
export async function loadSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.join(dataDir, "token-signing-key.pem");
  let pem: string;
  try {
    pem = await readFile(file, "utf8");
  } catch {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    pem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    // `wx`: if another emulator created it first, keep theirs and read it back.
    await writeFile(file, pem, { mode: 0o600, flag: "wx" }).catch(() => undefined);
    pem = await readFile(file, "utf8");
  }
  const privateKey = await importPKCS8(pem, "RS256", { extractable: true });
  const exported = await exportJWK(privateKey);
  const jwk: JWK = { kty: "RSA", n: exported.n, e: exported.e };
  const kid = await calculateJwkThumbprint(jwk);
  const spki = createPublicKey(pem).export({ type: "spki", format: "pem" }).toString();
  return { kid, privateKey, publicKey: await importSPKI(spki, "RS256"), jwk: { ...jwk, use: "sig", kid, alg: "RS256" } };
}
