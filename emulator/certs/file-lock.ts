import { mkdir, rm, stat, utimes } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

/** A holder touches the lock this often, so however long its work takes (a Samba domain provisioned on a busy machine) it is never taken for dead. */
const HEARTBEAT_MS = 5_000;
/** A lock untouched this long belongs to a process that died holding it. */
const STALE_AFTER_MS = 30_000;
const GIVE_UP_AFTER_MS = 5 * 60_000;

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
  const heartbeat = setInterval(() => {
    const now = new Date();
    utimes(lockPath, now, now).catch(() => {});
  }, HEARTBEAT_MS);
  try {
    return await work();
  } finally {
    clearInterval(heartbeat);
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
