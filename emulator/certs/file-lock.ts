import { mkdir, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

const STALE_AFTER_MS = 30_000;
const GIVE_UP_AFTER_MS = 20_000;

/**
 * Runs `work` while holding a lock directory. Several processes (the launcher,
 * a vitest global setup, a second terminal) may ask for certificates at the
 * same moment; without the lock two of them could each mint a different CA and
 * leave a bundle that does not match the server certificate.
 */
export async function withFileLock<T>(lockPath: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lockPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (await isStale(lockPath)) {
        await rm(lockPath, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) {
        throw new Error(`Timed out waiting for ${lockPath}; remove it if no emulator is starting.`);
      }
      await sleep(50);
    }
  }
  try {
    return await work();
  } finally {
    await rm(lockPath, { recursive: true, force: true });
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const info = await stat(lockPath);
    return Date.now() - info.mtimeMs > STALE_AFTER_MS;
  } catch {
    return false;
  }
}
