import { createHash, randomUUID } from "node:crypto";

/** Namespace for every name-derived GUID the emulator mints (a UUIDv5 namespace). */
const NAMESPACE = "3f1c9b52-6d0e-4c39-9a57-8e2b7f4d1a60";

/**
 * A GUID derived from a name, in UUIDv5 layout. Seed files and the demo tenant
 * use it so that an object described the same way gets the same ID after every
 * restart; the portal stores those IDs and must find them again.
 */
export function guidFromName(name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(NAMESPACE.replaceAll("-", ""), "hex"))
    .update(name)
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  return formatGuid(hash);
}

export function randomGuid(): string {
  return randomUUID();
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * Formats the first 16 bytes as a lower-case GUID, the way Entra prints IDs.
 * A lookup table rather than Buffer#toString: bulk generation calls it a
 * million times.
 */
export function formatGuid(b: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) out += "-";
    out += HEX[b[i]!]!;
  }
  return out;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}
