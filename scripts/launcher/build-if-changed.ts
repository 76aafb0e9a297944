import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runQuietly } from "./run-quietly";

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
  const started = Date.now();
  runQuietly("npx", ["next", "build"], { cwd: root, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } }, "next build");
  console.log(`Built in ${Math.round((Date.now() - started) / 1000)} s.`);
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
