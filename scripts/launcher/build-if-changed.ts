import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const inputs = [
  "app",
  "components",
  "lib",
  "db/schema",
  "db/client.ts",
  "proxy.ts",
  "next.config.js",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];

/**
 * `next start` serves the last build; rebuild only when a source file changed
 * since, so a restart is quick and a stale build is never served.
 */
export function buildIfChanged(root: string): void {
  const stamp = path.join(root, ".next", "switchboard-source-hash");
  const hash = sourceHash(root);
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) {
    return;
  }
  console.log("Building the web app (first start or changed sources)…");
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, hash);
}

function sourceHash(root: string): string {
  const hash = createHash("sha256");
  const walk = (p: string) => {
    const full = path.join(root, p);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(p, name));
    } else {
      hash.update(p).update(readFileSync(full));
    }
  };
  inputs.forEach(walk);
  return hash.digest("hex");
}
