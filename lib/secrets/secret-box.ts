import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * AES-256-GCM for the few secrets we must keep (client secrets). Keys come
 * from ENCRYPTION_KEYS ("id:base64key,…"); the first one seals, every listed
 * one opens, so a key is rotated by putting a new one first and re-sealing.
 * The customer ID is bound in as associated data, so a ciphertext copied onto
 * another customer's row does not open.
 */
export type Sealed = { ciphertext: string; keyId: string };

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function parseKeys(raw: string | undefined): Map<string, Buffer> {
  const keys = new Map<string, Buffer>();
  for (const part of (raw ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(":");
    const key = Buffer.from(b64 ?? "", "base64");
    if (!id || key.length !== 32) {
      throw new Error("ENCRYPTION_KEYS must be a comma-separated list of id:base64 entries, each a 32-byte key.");
    }
    keys.set(id, key);
  }
  return keys;
}

let parsedKeys: { raw: string | undefined; keys: Map<string, Buffer> } | undefined;

/** The configured keys, parsed once per value of the setting: provisioning seals thousands of device credentials a run. */
function keys(): Map<string, Buffer> {
  const raw = env().ENCRYPTION_KEYS;
  if (!parsedKeys || parsedKeys.raw !== raw) parsedKeys = { raw, keys: parseKeys(raw) };
  const parsed = parsedKeys.keys;
  if (parsed.size === 0) throw new Error("ENCRYPTION_KEYS is not set: secrets cannot be stored or read.");
  return parsed;
}

export function seal(plaintext: string, customerId: string): Sealed {
  const [keyId, key] = keys().entries().next().value as [string, Buffer];
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(customerId));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64"), keyId };
}

export function open(sealed: Sealed, customerId: string): string {
  const key = keys().get(sealed.keyId);
  if (!key) throw new Error(`The encryption key "${sealed.keyId}" is no longer configured in ENCRYPTION_KEYS.`);
  const raw = Buffer.from(sealed.ciphertext, "base64");
  const decipher = createDecipheriv("aes-256-gcm", key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(customerId));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}

/** Whether a sealed value uses an older key and should be re-sealed. */
export function needsResealing(sealed: Pick<Sealed, "keyId">): boolean {
  return keys().keys().next().value !== sealed.keyId;
}
