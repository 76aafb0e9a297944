import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { webCommand, workerCommand } from "@/workers/worker-command";

const packageJson = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: Record<string, string> };

describe("the worker command", () => {
  // `npm start` spawns workerCommand; `npm run worker` (a worker on another machine) must run the very same
  // process, flags included: the heap setting is what keeps a large tenant's sync flat in memory.
  it("is the same for `npm run worker` as for `npm start`", () => {
    expect(packageJson.scripts.worker).toBe(["node", ...workerCommand.slice(1)].join(" "));
  });

  it("keeps the flags the README credits for flat memory and server-only imports", () => {
    expect(workerCommand).toContain("--heap-growing-percent=50");
    expect(workerCommand).toContain("--conditions=react-server");
    // The web's phonebook downloads stay flat in memory the same way (bench/phonebook measures with it).
    expect(webCommand).toContain("--heap-growing-percent=50");
  });
});
