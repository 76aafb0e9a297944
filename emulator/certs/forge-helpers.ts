import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

export interface PemPair {
  certPem: string;
  keyPem: string;
}

/**
 * RSA keys come from node:crypto (native, ~50 ms) rather than forge's
 * JavaScript generator; forge only builds and signs the X.509 structures.
 */
export function newRsaKeys(): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pem = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(pem);
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

/** A positive serial number: a leading 0x00-0x7f byte keeps the DER integer positive. */
export function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString("hex");
}

export function validity(days: number): { notBefore: Date; notAfter: Date } {
  // Back-dated a little so a client whose clock lags does not see "not yet valid".
  const notBefore = new Date(Date.now() - 60 * 60 * 1000);
  const notAfter = new Date(notBefore.getTime() + days * 24 * 60 * 60 * 1000);
  return { notBefore, notAfter };
}
