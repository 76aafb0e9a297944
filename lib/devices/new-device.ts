import "server-only";
import { randomBytes } from "node:crypto";
import type { DeviceKind } from "@/db/schema";
import { seal } from "@/lib/secrets/secret-box";

export const deviceLabels: Record<DeviceKind, string> = { softphone: "Softphone", mobile: "Mobile phone" };

// Letters and digits a person can read back and a SIP client takes: no 0/O, 1/l/I.
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
const credentialLength = 28;

/**
 * Random bytes from the system's generator, read 4 KiB at a time rather than
 * once per value (as Node's randomUUID does): provisioning draws two values
 * for each of tens of thousands of devices a run. A buffer handed out is
 * never written again; the next read replaces the pool.
 */
let pool = Buffer.alloc(0);
let poolOffset = 0;
function randomFromPool(size: number): Buffer {
  if (poolOffset + size > pool.length) {
    pool = randomBytes(4096);
    poolOffset = 0;
  }
  poolOffset += size;
  return pool.subarray(poolOffset - size, poolOffset);
}

/** A random SIP credential: 28 characters of a 57-letter alphabet (about 163 bits), drawn without modulo bias. */
export function newDeviceCredential(): string {
  let out = "";
  while (out.length < credentialLength) {
    for (const byte of randomFromPool(credentialLength * 2)) {
      // 57 × 4 = 228: bytes at or above it would favour the first letters.
      if (byte < 228 && out.length < credentialLength) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/**
 * A device row for a user, its credential sealed for the customer. The SIP
 * user name is random, not the extension: an extension may change, and a
 * phone's registration must not.
 */
export function newDevice({ customerId, accountId, kind }: { customerId: string; accountId: string; kind: DeviceKind }) {
  const sealed = seal(newDeviceCredential(), customerId);
  return {
    customerId,
    accountId,
    kind,
    label: deviceLabels[kind],
    sipUsername: `sip-${randomFromPool(8).toString("hex")}`,
    credentialCiphertext: sealed.ciphertext,
    credentialKeyId: sealed.keyId,
  };
}
