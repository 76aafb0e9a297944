import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { workerCommand, workerEnvironment } from "../../workers/worker-command";

export type BenchWorker = { pid: number; rssMib(): number; peakRssMib(): number };

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Runs `work` beside a fresh sync worker — the real `workers/sync-worker.ts`,
 * started as `npm start` starts it — so that the memory read from
 * /proc/<pid>/status is that worker's own and starts from the same baseline
 * for every size. Waits for the worker's "ready" log line so that start-up
 * is never timed, and stops it with SIGTERM (a graceful close) afterwards.
 */
export async function withBenchWorker<T>(work: (worker: BenchWorker) => Promise<T>): Promise<T> {
  const [command, ...args] = workerCommand;
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: { ...process.env, ...workerEnvironment, LOG_LEVEL: "info", SERVICE_NAME: "bench-worker" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`The sync worker exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = parseLogLine(line);
      if (entry.msg === "sync worker ready") resolve();
      // Warnings and errors (a failed attempt, a lost connection) belong in the benchmark's output.
      if ((entry.level ?? 0) >= 40) console.error(`worker: ${line}`);
    });
  });
  try {
    await ready;
    const status = (field: string) => statusKib(child.pid!, field) / 1024;
    return await work({ pid: child.pid!, rssMib: () => status("VmRSS"), peakRssMib: () => status("VmHWM") });
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
}

function parseLogLine(line: string): { msg?: string; level?: number } {
  try {
    return JSON.parse(line) as { msg?: string; level?: number };
  } catch {
    return {};
  }
}

/** A kB figure from /proc/<pid>/status: VmRSS now, VmHWM the peak resident set since the process began. */
function statusKib(pid: number, field: string): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  if (!match) throw new Error(`No ${field} in /proc/${pid}/status`);
  return Number(match[1]);
}
