import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * A secret for the embedded default, generated once into `.data/` (mode 600)
 * and reused, so sessions and stored client secrets survive a restart.
 * Anywhere else (a real DATABASE_URL) the operator must set their own.
 */
export async function localSecret(dataDir: string, name: string, make = () => randomBytes(32).toString("base64url")): Promise<string> {
  const file = path.join(dataDir, name);
  try {
    return (await readFile(file, "utf8")).trim();
  } catch {
    await mkdir(dataDir, { recursive: true });
    // "wx": if two starts race, the first file wins and both read it back.
    await writeFile(file, `${make()}\n`, { mode: 0o600, flag: "wx" }).catch(() => undefined);
    return (await readFile(file, "utf8")).trim();
  }
}

/** ENCRYPTION_KEYS for the embedded default: one local AES-256 key. */
export const localEncryptionKeys = (dataDir: string) => localSecret(dataDir, "encryption-keys", () => `local-1:${randomBytes(32).toString("base64")}`);
