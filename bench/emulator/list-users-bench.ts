import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { nextMessage } from "../support/next-message";
import type { DriverMessage, ServerMessage, ServersReady } from "./bench-protocol";
import { graphClientFor, listAllUsers } from "./graph-client-for";
import { scaleChecks } from "./scale-checks";

/**
 * Time to list 100,000 users at $top=999 through the real Graph client against
 * the emulator, and against a bare HTTPS server replaying the very same bytes,
 * in the same run. The ratio says how much the emulator itself adds; the aim
 * is under 2. After a warm-up pass each, runs alternate and the median counts.
 */
const { values } = parseArgs({
  options: { users: { type: "string", default: "100000" }, rounds: { type: "string", default: "5" }, "skip-scale": { type: "boolean", default: false } },
});
const userCount = Number(values.users);
const rounds = Number(values.rounds);

if (!process.env.NODE_EXTRA_CA_CERTS) {
  console.error("Run through `npm run bench:emulator` so the process trusts the emulator's CA.");
  process.exit(1);
}

const here = path.dirname(fileURLToPath(import.meta.url));
const servers = fork(path.join(here, "bench-servers.ts"), [String(userCount)], { execArgv: ["--import", "tsx"] });
const nextServerMessage = <T extends ServerMessage["type"]>(type: T) => nextMessage<ServerMessage, T>(servers, type);
const tell = (message: DriverMessage) => servers.send(message);
const ready: ServersReady = await nextServerMessage("ready");
console.log(`Generated ${userCount.toLocaleString("en-US")} users in ${Math.round(ready.generateMs)} ms`);

const { emulatorUrl, bareOrigin, tenantId, clientId, clientSecret } = ready;
const clients = {
  emulator: graphClientFor(emulatorUrl, emulatorUrl, tenantId, clientId, clientSecret),
  bare: graphClientFor(emulatorUrl, bareOrigin, tenantId, clientId, clientSecret),
};
for (const client of Object.values(clients)) await listAllUsers(client);
const timings = { emulator: [] as number[], bare: [] as number[] };
for (let round = 0; round < rounds; round++) {
  for (const name of ["emulator", "bare"] as const) {
    const t0 = performance.now();
    const seen = await listAllUsers(clients[name]);
    timings[name].push(performance.now() - t0);
    if (seen !== userCount) throw new Error(`${name}: listed ${seen} users, expected ${userCount}`);
  }
}
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
const [emulatorMs, bareMs] = [median(timings.emulator), median(timings.bare)];
const ratio = emulatorMs / bareMs;
console.log(`
Listing ${userCount.toLocaleString("en-US")} users at $top=999 with the real Graph client (PageIterator); servers in their own process; median of ${rounds}:
  pages: ${ready.pageCount}, bytes: ${ready.totalBytes.toLocaleString("en-US")} (identical bytes from both servers)
  emulator:          ${emulatorMs.toFixed(0)} ms  (${Math.round((userCount / emulatorMs) * 1000).toLocaleString("en-US")} users/s)
  bare HTTPS server: ${bareMs.toFixed(0)} ms
  ratio:             ${ratio.toFixed(2)} (target < 2) ${ratio < 2 ? "OK" : "OVER TARGET"}
  all runs (ms): emulator ${timings.emulator.map((t) => t.toFixed(0)).join(", ")} | bare ${timings.bare.map((t) => t.toFixed(0)).join(", ")}`);

if (!values["skip-scale"]) {
  await scaleChecks(emulatorUrl, ready.adminKey);
  tell({ type: "memory" });
  console.log(`  emulator heap after the million: ${(await nextServerMessage("memory")).heapUsedMb} MB`);
}
tell({ type: "stop" });
