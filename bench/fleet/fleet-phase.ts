import type { SyncRun } from "../../db/schema";
import type { BatchTenant } from "../../emulator";
import { priorityOfSize } from "../../lib/sync/queue-priority";
import { createFleet, dueAtOnce, waitForFleet } from "../../test/support/fleet/fleet-fixture";
import { startFleetWorkers, stopFleetWorkers } from "./fleet-workers";

export type FleetPhase = {
  workers: number;
  /** From the moment every job was due to the last run's end. */
  makespanMs: number;
  /** Each run with its customer's tenant size, its wait in the queue (due → taken) and its own time (taken → finished). */
  runs: { run: SyncRun; users: number; waitMs: number; ownMs: number }[];
  cpuSeconds: number;
  idleRssMib: number;
  peakRssMib: number;
};

/**
 * One measured fleet: a customer of its own for every tenant (each run a first sync), `workers` fresh worker
 * processes, every job due at the same instant in its lane by the tenant's size (as the company's last sync
 * would have set it), and the wait for the last run.
 */
export async function runFleetPhase(tenants: BatchTenant[], workers: number, env: Record<string, string>): Promise<FleetPhase> {
  const fleet = await createFleet(tenants);
  const processes = await startFleetWorkers(workers, env);
  try {
    const cpuBefore = processes.reduce((sum, w) => sum + w.cpuSeconds(), 0);
    const due = Date.now();
    await dueAtOnce(fleet, (customer) => priorityOfSize(customer.tenant.userCount));
    const runs = await waitForFleet(fleet, 30 * 60_000);
    const usersOf = new Map(fleet.map((c) => [c.customerId, c.tenant.userCount]));
    const failed = runs.filter((r) => r.status !== "succeeded");
    if (runs.length !== fleet.length || failed.length > 0)
      throw new Error(
        `${runs.length} runs for ${fleet.length} customers, ${failed.length} not succeeded: ${JSON.stringify(failed.slice(0, 3).map((r) => [r.status, r.error]))}`,
      );
    return {
      workers,
      makespanMs: Math.max(...runs.map((r) => r.finishedAt!.getTime())) - due,
      runs: runs.map((run) => ({
        run,
        users: usersOf.get(run.customerId)!,
        waitMs: run.queuedAt.getTime() - due,
        ownMs: run.finishedAt!.getTime() - run.queuedAt.getTime(),
      })),
      cpuSeconds: processes.reduce((sum, w) => sum + w.cpuSeconds(), 0) - cpuBefore,
      idleRssMib: Math.max(...processes.map((w) => w.idleRssMib)),
      peakRssMib: Math.max(...processes.map((w) => w.peakRssMib())),
    };
  } finally {
    await stopFleetWorkers(processes);
  }
}
