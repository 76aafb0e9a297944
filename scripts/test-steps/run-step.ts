import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

export type StepResult = { name: string; ok: boolean; passed: number; failed: number; seconds: number };

/**
 * Runs one part of the suite as its own process. Test runners write a JSON
 * report (vitest and Playwright alike) so the totals can be added up at the end.
 */
export function runStep(name: string, command: string[], opts: { env?: Record<string, string>; report?: string } = {}): StepResult {
  console.log(`\n=== ${name} ===`);
  if (opts.report) rmSync(opts.report, { force: true });
  const started = Date.now();
  const result = spawnSync(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, ...opts.env } });
  const counts = opts.report ? readCounts(opts.report) : { passed: 0, failed: 0 };
  const ok = result.status === 0;
  return { name, ok, ...counts, failed: ok ? counts.failed : Math.max(counts.failed, 1), seconds: (Date.now() - started) / 1000 };
}

/**
 * Starts a part of the suite beside the one in the foreground (the machine's
 * two cores are rarely both busy with one test run): its output goes to a log
 * file, printed whole when it ends, so the two runs' lines never interleave.
 */
export function startStep(name: string, command: string[], opts: { env?: Record<string, string>; report?: string } = {}): Promise<StepResult> {
  if (opts.report) rmSync(opts.report, { force: true });
  mkdirSync("test-results", { recursive: true });
  const logPath = `test-results/${name.replace(/[^\w]+/g, "-").toLowerCase()}.log`;
  const log = createWriteStream(logPath);
  const started = Date.now();
  const child = spawn(command[0]!, command.slice(1), { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...opts.env } });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return new Promise((resolve) => {
    child.on("close", (code) => {
      log.end(() => {
        console.log(`\n=== ${name} (ran beside the steps above) ===`);
        console.log(readFileSync(logPath, "utf8"));
        const counts = opts.report ? readCounts(opts.report) : { passed: 0, failed: 0 };
        const ok = code === 0;
        resolve({ name, ok, ...counts, failed: ok ? counts.failed : Math.max(counts.failed, 1), seconds: (Date.now() - started) / 1000 });
      });
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
