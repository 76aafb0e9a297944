import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webCommand, workerCommand, workerEnvironment } from "@/workers/worker-command";

const packageJson = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };

describe("the worker command", () => {
  // `npm start` spawns workerCommand; `npm run worker` (a worker on another machine) must run the very same
  // process, flags and malloc's setting included: they are what keep a worker's memory flat.
  it("is the same for `npm run worker` as for `npm start`", () => {
    const environment = Object.entries(workerEnvironment).map(([name, value]) => `${name}=${value}`);
    expect(packageJson.scripts.worker).toBe([...environment, "node", ...workerCommand.slice(1)].join(" "));
  });

  it("keeps the flags the README credits for flat memory and server-only imports", () => {
    expect(workerCommand).toContain("--heap-growing-percent=40");
    expect(workerCommand).toContain("--conditions=react-server");
    // The web's phonebook downloads stay flat in memory the same way (bench/phonebook measures with it).
    expect(webCommand).toContain("--heap-growing-percent=40");
  });
});
