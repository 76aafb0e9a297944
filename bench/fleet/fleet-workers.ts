import { readFileSync } from "node:fs";
import { startWorkerProcess, type WorkerProcess } from "../../test/support/fleet/worker-processes";

export type FleetWorker = WorkerProcess & { idleRssMib: number; peakRssMib(): number; cpuSeconds(): number };

/**
 * `count` real worker processes (workers/sync-worker.ts, as `npm run worker`
 * starts them), each with `env`; measured from /proc: resident memory when
 * idle after start, the peak (VmHWM), and CPU time (user + system).
 */
export async function startFleetWorkers(count: number, env: Record<string, string>): Promise<FleetWorker[]> {
  const workers = Array.from({ length: count }, () => startWorkerProcess(env));
  await Promise.all(workers.map((w) => w.ready));
  return workers.map((w) => {
    const pid = w.child.pid!;
    return { ...w, idleRssMib: statusKib(pid, "VmRSS") / 1024, peakRssMib: () => statusKib(pid, "VmHWM") / 1024, cpuSeconds: () => cpuSeconds(pid) };
  });
}

export async function stopFleetWorkers(workers: FleetWorker[]): Promise<void> {
  for (const worker of workers) worker.child.kill("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
}

function statusKib(pid: number, field: string): number {
  const match = readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
  return match ? Number(match[1]) : 0;
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 1/100 s (Linux's USER_HZ). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}
