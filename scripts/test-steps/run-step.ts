import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";

export type StepResult = { name: string; ok: boolean; passed: number; failed: number; seconds: number };

type StepOptions = { env?: Record<string, string>; report?: string };

/**
 * Runs one part of the suite as its own process, its output on this one's.
 * Test runners write a JSON report (vitest and Playwright alike) so the
 * totals can be added up at the end.
 */
export function runStep(name: string, command: string[], opts: StepOptions = {}): Promise<StepResult> {
  console.log(`\n=== ${name} ===`);
  return run(name, command, opts, "inherit");
}

/**
 * Starts a part of the suite beside the one in the foreground (the machine's
 * two cores are rarely both busy with one test run): its output goes straight
 * to a log file, printed whole when it ends, so the runs' lines never
 * interleave.
 */
export async function startStep(name: string, command: string[], opts: StepOptions = {}): Promise<StepResult> {
  mkdirSync("test-results/steps", { recursive: true });
  const logPath = `test-results/steps/${name.replace(/[^\w]+/g, "-").toLowerCase()}.log`;
  const log = openSync(logPath, "w");
  try {
    const result = await run(name, command, opts, ["ignore", log, log]);
    console.log(`\n=== ${name} (ran beside the steps above) ===`);
    console.log(readFileSync(logPath, "utf8"));
    return result;
  } finally {
    closeSync(log);
  }
}

function run(name: string, command: string[], opts: StepOptions, stdio: StdioOptions): Promise<StepResult> {
  if (opts.report) rmSync(opts.report, { force: true });
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), { stdio, env: { ...process.env, ...opts.env } });
  return new Promise((resolve) => {
    child.on("close", (code) => {
      const counts = opts.report ? readCounts(opts.report) : { passed: 0, failed: 0 };
      const ok = code === 0;
      resolve({ name, ok, ...counts, failed: ok ? counts.failed : Math.max(counts.failed, 1), seconds: (Date.now() - started) / 1000 });
    });
  });
}

function readCounts(report: string): { passed: number; failed: number } {
  if (!existsSync(report)) return { passed: 0, failed: 0 };
  const json = JSON.parse(readFileSync(report, "utf8"));
  if (typeof json.numPassedTests === "number") {
    return { passed: json.numPassedTests, failed: json.numFailedTests };
  }
  // Playwright's JSON reporter.
  return { passed: json.stats?.expected ?? 0, failed: (json.stats?.unexpected ?? 0) + (json.stats?.flaky ?? 0) };
}
