import type { SyncRun } from "../../db/schema";
import type { BatchTenant } from "../../emulator";
import { priorityOfSize } from "../../lib/sync/queue-priority";
import { jitterOffsetSeconds } from "../../lib/sync/schedule-jitter";
import { createFleet, fallDue, waitForFleet } from "../../test/support/fleet/fleet-fixture";
import { startFleetWorkers, stopFleetWorkers } from "./fleet-workers";

export type FleetRun = {
  run: SyncRun;
  users: number;
  /** When its job fell due, from the phase's start. */
  dueMs: number;
  /** Its wait in the queue (due → taken) and its own time (taken → finished). */
  waitMs: number;
  ownMs: number;
};

export type FleetPhase = {
  workers: number;
  /** The schedules' jitter the jobs fell due over: 0 for all at once. */
  spreadSeconds: number;
  /** From the phase's start (every job due, or the first) to the last run's end. */
  makespanMs: number;
  runs: FleetRun[];
  cpuSeconds: number;
  idleRssMib: number;
  peakRssMib: number;
};

/**
 * One measured fleet: a customer of its own for every tenant (each run a first sync), `workers` fresh worker
 * processes, every job in its lane by the tenant's size (as the company's last sync would have set it), due at
 * the same instant or, with `spreadSeconds`, each at its own offset as the schedules' jitter spreads a fleet
 * that chose the same time (lib/sync/schedule-jitter.ts); then the wait for the last run.
 */
export async function runFleetPhase(tenants: BatchTenant[], workers: number, env: Record<string, string>, spreadSeconds = 0): Promise<FleetPhase> {
  const fleet = await createFleet(tenants);
  const processes = await startFleetWorkers(workers, env);
  try {
    const cpuBefore = processes.reduce((sum, w) => sum + w.cpuSeconds(), 0);
    const delayMsOf = new Map(fleet.map((c) => [c.customerId, jitterOffsetSeconds(c.customerId, "entra", spreadSeconds) * 1000]));
    const start = Date.now();
    await fallDue(fleet, { priorityOf: (customer) => priorityOfSize(customer.tenant.userCount), delayMsOf: (customer) => delayMsOf.get(customer.customerId)! });
    const runs = await waitForFleet(fleet, 30 * 60_000 + spreadSeconds * 1000);
    const usersOf = new Map(fleet.map((c) => [c.customerId, c.tenant.userCount]));
    const failed = runs.filter((r) => r.status !== "succeeded");
    if (runs.length !== fleet.length || failed.length > 0)
      throw new Error(
        `${runs.length} runs for ${fleet.length} customers, ${failed.length} not succeeded: ${JSON.stringify(failed.slice(0, 3).map((r) => [r.status, r.error]))}`,
      );
    return {
      workers,
      spreadSeconds,
      makespanMs: Math.max(...runs.map((r) => r.finishedAt!.getTime())) - start,
      runs: runs.map((run) => {
        const dueMs = delayMsOf.get(run.customerId)!;
        return {
          run,
          users: usersOf.get(run.customerId)!,
          dueMs,
          waitMs: run.queuedAt.getTime() - (start + dueMs),
          ownMs: run.finishedAt!.getTime() - run.queuedAt.getTime(),
        };
      }),
      cpuSeconds: processes.reduce((sum, w) => sum + w.cpuSeconds(), 0) - cpuBefore,
      idleRssMib: Math.max(...processes.map((w) => w.idleRssMib)),
      peakRssMib: Math.max(...processes.map((w) => w.peakRssMib())),
    };
  } finally {
    await stopFleetWorkers(processes);
  }
}
