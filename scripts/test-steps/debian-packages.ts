import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Installs Debian packages the tests need (Chromium for the browser tests,
 * Samba as the Active Directory domain controller) when their program is
 * missing and we are root — CI, a fresh machine; otherwise the message says
 * what to run.
 */
export function ensureDebianPackages(program: string, packages: string[]): void {
  if (existsSync(program)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${program} not found. Install it with: sudo apt-get install -y ${packages.join(" ")}`);
  }
  console.log(`Installing Debian's ${packages.join(", ")} for the tests…`);
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", ...packages],
  ]) {
    const result = spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed`);
  }
}
