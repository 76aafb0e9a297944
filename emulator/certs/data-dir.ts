import path from "node:path";

/**
 * Where the emulator keeps its CA, server certificate and signing key. The
 * default sits under the portal's own `.data/` (git-ignored) so every process
 * started from the repository root finds the same files.
 */
export function resolveDataDir(dataDir?: string): string {
  return path.resolve(dataDir ?? path.join(process.cwd(), ".data", "emulator"));
}
