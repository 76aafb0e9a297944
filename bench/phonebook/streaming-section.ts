import { fork } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { wholeFormats } from "../../lib/phonebook/formats";
import { steadyHeapFlag } from "../../workers/worker-command";
import { nextMessage } from "../support/next-message";
import type { StreamInput, StreamMessage } from "./bench-protocol";
import type { BenchSection } from "./bench-context";
import { copyFloor } from "./copy-floor";
import { mib, ms, n, ratioLine } from "./figures";
import { seedCompany, seedCredential } from "./seed-phonebook";

const here = path.dirname(fileURLToPath(import.meta.url));

async function streamInChild(input: StreamInput): Promise<StreamMessage> {
  // The web process's heap setting (npm start runs it so), and the condition its server code resolves with.
  const execArgv = [steadyHeapFlag, "--conditions=react-server", "--import", "tsx"];
  const child = fork(path.join(here, "stream-process.ts"), [JSON.stringify(input)], { execArgv });
  return nextMessage<StreamMessage, "done">(child, "done");
}

/**
 * Each whole format of a large and a small company, every download in a
 * fresh process through the route handler, beside COPY of the same rows
 * (measured before and after; the faster counts): time to last byte ≤ 2×
 * the floor, peak memory at the large size ≤ 1.3× the small one's.
 */
export const streamingSection: BenchSection = {
  name: "streaming",
  async run({ sql, databaseUrl, env, options }) {
    const sizes = [options.small, options.entries];
    const companies = [];
    for (const count of sizes) {
      const { customerId } = await seedCompany(sql, { count, slug: `bench-pb-${count}` });
      const secret = `swb_pb_bench_${count}`;
      await seedCredential(sql, { customerId, kind: "phonebook_http", secret });
      companies.push({ count, customerId, secret });
    }
    // A fresh GIN index keeps new entries in its pending list until a vacuum: merged, as a directory in use has it.
    await sql`vacuum analyze directory_entries`;
    const [small, large] = companies as [(typeof companies)[0], (typeof companies)[0]];
    const floors = [await copyFloor(databaseUrl, large.customerId)];
    const results: { name: string; small: StreamMessage; large: StreamMessage }[] = [];
    for (const name of wholeFormats.keys()) {
      results.push({
        name,
        small: await streamInChild({ env, secret: small.secret, format: name }),
        large: await streamInChild({ env, secret: large.secret, format: name }),
      });
    }
    floors.push(await copyFloor(databaseUrl, large.customerId));
    const floor = Math.min(...floors.map((f) => f.ms));
    const report = [
      `Remote phonebooks, ${n(large.count)} entries: each format streamed through the route handler in a fresh process, against`,
      `COPY (the same query) TO STDOUT: ${floors.map((f) => ms(f.ms)).join(", ")} (${n(floors[0]!.bytes)} bytes; the faster counts)`,
      "",
    ];
    for (const { name, small: s, large: l } of results) {
      report.push(
        `  ${name.padEnd(16)} ${ms(l.ms).padStart(9)}, ${n(l.bytes)} bytes; peak RSS ${mib(l.peakRssMib)} (${n(small.count)} entries: ${mib(s.peakRssMib)}; idle ${mib(l.idleRssMib)})`,
        ratioLine(`${name} / COPY:`, l.ms / floor, 2),
        ratioLine(`peak ${n(large.count)} / peak ${n(small.count)}:`, l.peakRssMib / s.peakRssMib, 1.3),
      );
    }
    return report.join("\n");
  },
};
