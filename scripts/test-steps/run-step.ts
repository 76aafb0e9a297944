import { spawn, type StdioOptions } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync } from "node:fs";

/** `failures` names each failed test with the first line of its error, so the summary at the end says which. */
export type StepResult = { name: string; ok: boolean; passed: number; failed: number; failures: string[]; seconds: number };

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
      const counts = opts.report ? readReport(opts.report) : { passed: 0, failed: 0, failures: [] };
      const ok = code === 0;
      resolve({ name, ok, ...counts, failed: ok ? counts.failed : Math.max(counts.failed, 1), seconds: (Date.now() - started) / 1000 });
    });
  });
}

type ReportCounts = Pick<StepResult, "passed" | "failed" | "failures">;

function readReport(report: string): ReportCounts {
  if (!existsSync(report)) return { passed: 0, failed: 0, failures: [] };
  const json = JSON.parse(readFileSync(report, "utf8"));
  return typeof json.numPassedTests === "number" ? readVitestReport(json) : readPlaywrightReport(json);
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; message?: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
};

function readVitestReport(json: VitestReport): ReportCounts {
  const failures = json.testResults.flatMap((file) => {
    const tests = file.assertionResults.filter((test) => test.status === "failed");
    // A file that failed to load has no tests, only a message.
    if (tests.length === 0 && file.message) return [failure(file.name, "", file.message)];
    return tests.map((test) => failure(file.name, test.fullName, test.failureMessages?.[0]));
  });
  return { passed: json.numPassedTests, failed: json.numFailedTests, failures };
}

type PlaywrightSuite = {
  file: string;
  title: string;
  specs?: { title: string; tests: { status: string; results: { error?: { message?: string } }[] }[] }[];
  suites?: PlaywrightSuite[];
};
type PlaywrightReport = { stats?: { expected?: number; unexpected?: number; flaky?: number }; suites?: PlaywrightSuite[] };

function readPlaywrightReport(json: PlaywrightReport): ReportCounts {
  const failures: string[] = [];
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === "expected" || test.status === "skipped") continue;
        const error = test.results.find((result) => result.error)?.error?.message;
        failures.push(failure(suite.file, [...titles, spec.title].join(" › "), `${test.status}: ${error ?? ""}`));
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const suite of json.suites ?? []) visit(suite, []);
  const stats = json.stats ?? {};
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0), failures };
}

function failure(file: string, test: string, message = ""): string {
  // Reporters colour their messages; the summary is read as plain text.
  const firstLine =
    message
      .replace(/\u001b\[[0-9;]*m/g, "")
      .trim()
      .split("\n")[0] ?? "";
  return `${file.replace(`${process.cwd()}/`, "")}${test ? ` › ${test}` : ""}: ${firstLine.slice(0, 300)}`;
}
