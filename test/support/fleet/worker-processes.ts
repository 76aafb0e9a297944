import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { workerCommand, workerEnvironment } from "@/workers/worker-command";

export type WorkerProcess = { child: ChildProcess; finished: string[]; ready: Promise<void>; exited: Promise<void> };

/**
 * A real worker process (`workers/sync-worker.ts`, as `npm start` and `npm run
 * worker` start it) on this run's database and queue, with its own settings;
 * `finished` collects the run IDs it reports finished, from its log.
 */
export function startWorkerProcess(env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(workerCommand[0], workerCommand.slice(1), {
    env: { ...process.env, ...workerEnvironment, SERVICE_NAME: "worker", LOG_LEVEL: "info", WORKER_LOCK_DURATION_MS: "2000", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const finished: string[] = [];
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = parse(line);
      if (entry.msg === "sync worker ready") resolve();
      if (entry.msg === "sync finished" && entry.runId) finished.push(entry.runId);
    });
  });
  return { child, finished, ready, exited };
}

function parse(line: string): { msg?: string; runId?: string } {
  try {
    return JSON.parse(line) as { msg?: string; runId?: string };
  } catch {
    return {};
  }
}
