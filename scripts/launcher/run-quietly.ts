import { spawnSync } from "node:child_process";

/**
 * Runs a command with its output held back: a build's route table is of no use
 * to someone starting the portal, and would push the sign-in details off the
 * screen. Only when the command fails is its whole output printed, to say why.
 */
export function runQuietly(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }, what: string): void {
  const result = spawnSync(command, args, { ...options, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status === 0) return;
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  throw new Error(`${what} failed${result.error ? `: ${result.error.message}` : ` (exit ${result.status})`}`);
}
