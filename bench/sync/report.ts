import type { FloorMessage } from "./bench-protocol";
import type { ChangeMix } from "./make-changes";
import type { TimedRun } from "./timed-run";

export type WorkerMeasure = { full: TimedRun; idleRssMib: number; peakRssMib: number };
export type BenchResults = {
  floors: FloorMessage[];
  /** `full` is the faster of the runs timed in `fullMs`. */
  small: WorkerMeasure & { fullMs: number[] };
  /** `full` is the faster of the runs timed in `fullMs`, `incremental` the faster of `incrementals`. */
  large: WorkerMeasure & { fullMs: number[]; incremental: TimedRun; incrementals: TimedRun[]; expected: ChangeMix };
  /** The same first syncs with provisioning on: every person a user with an extension and two devices. */
  provisioning: { small: WorkerMeasure & { fullMs: number[] }; large: WorkerMeasure };
  /** The large tenant's first sync and the floor with the emulator answering each request after `latencyMs`. */
  latent: { latencyMs: number; floor: FloorMessage; floorsMs: number[]; full: TimedRun; fullMs: number[] };
};

const n = (value: number) => value.toLocaleString("en-US");
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;
const verdict = (ratio: number, target: number) => (ratio <= target ? "met" : "NOT MET");
const counts = ({ run }: TimedRun) =>
  `created ${n(run.created)}, updated ${run.updated}, disabled ${run.disabled}, removed ${run.removed}, unchanged ${n(run.unchanged)}; ${run.pagesFetched} pages`;

/** The figures side by side, each ratio with its target and whether it is met. */
export function printReport({ floors, small, large, provisioning, latent }: BenchResults): void {
  const users = large.full.run.created;
  // The faster floor is the stricter yardstick.
  const floorMs = Math.min(...floors.map((f) => f.ms));
  const fullRatio = large.full.ms / floorMs;
  const incrementalShare = large.incremental.ms / large.full.ms;
  const memoryRatio = large.peakRssMib / small.peakRssMib;
  const provisioningRatio = provisioning.small.full.ms / small.full.ms;
  const provisioningMemoryRatio = provisioning.large.peakRssMib / provisioning.small.peakRssMib;
  const latentRatio = latent.full.ms / latent.floor.ms;
  const { run } = large.incremental;
  const { expected } = large;
  const asExpected = large.incrementals.every(
    ({ run: r }) => r.created === expected.created && r.updated === expected.updated && r.disabled === expected.disabled && r.removed === expected.removed,
  );

  console.log(`
Directory sync, ${n(users)} users: the real worker (workers/sync-worker.ts, jobs on Redis) and the floor, each in a
fresh process, against one emulator in a process of its own; PostgreSQL scratch database.

  floor: page /users/delta at 999 + COPY into an empty table: ${floors.map((f) => s(f.ms)).join(", ")} (${floors[0]!.pages} pages; the faster counts)
  full sync, ${n(users).padEnd(7)} users:        ${large.fullMs.map(s).join(", ")} (the faster counts)   ${counts(large.full)}
    full sync / floor:                ${fullRatio.toFixed(2).padStart(9)}   target <= 2.00   ${verdict(fullRatio, 2)}
  incremental, ${run.created + run.updated + run.disabled + run.removed} changes:          ${large.incrementals.map((r) => s(r.ms)).join(", ")} (the faster counts)   ${counts(large.incremental)}${asExpected ? "" : `  (EXPECTED ${JSON.stringify(expected)})`}
    incremental / full sync:          ${`${(incrementalShare * 100).toFixed(2)} %`.padStart(9)}   target <= 2 %    ${verdict(incrementalShare, 0.02)}
  full sync, ${n(small.full.run.created).padEnd(7)} users:        ${small.fullMs.map(s).join(", ")} (the faster counts)   ${counts(small.full)}
  worker peak RSS (VmHWM), ${n(small.full.run.created)} users: ${mib(small.peakRssMib)}; ${n(users)} users: ${mib(large.peakRssMib)}  (idle after start: ${mib(small.idleRssMib)}, ${mib(large.idleRssMib)})
    peak ${n(users)} / peak ${n(small.full.run.created)}:        ${memoryRatio.toFixed(2).padStart(9)}   target <= 1.30   ${verdict(memoryRatio, 1.3)}

Provisioning on (every person a user with an extension from a range, a softphone and a mobile phone):
  full sync, ${n(provisioning.small.full.run.created).padEnd(7)} users:        ${provisioning.small.fullMs.map(s).join(", ")} (the faster counts)
    with / without provisioning:      ${provisioningRatio.toFixed(2).padStart(9)}   target <= 1.50   ${verdict(provisioningRatio, 1.5)}
  full sync, ${n(provisioning.large.full.run.created).padEnd(7)} users:        ${s(provisioning.large.full.ms).padStart(9)}
  worker peak RSS, ${n(provisioning.small.full.run.created)} users: ${mib(provisioning.small.peakRssMib)}; ${n(provisioning.large.full.run.created)} users: ${mib(provisioning.large.peakRssMib)}
    peak ${n(provisioning.large.full.run.created)} / peak ${n(provisioning.small.full.run.created)}:        ${provisioningMemoryRatio.toFixed(2).padStart(9)}   target <= 1.30   ${verdict(provisioningMemoryRatio, 1.3)}

Graph's pace (the emulator answers each request after ${latent.latencyMs} ms), ${n(latent.full.run.created)} users:
  floor, /users/delta one page after another + COPY: ${latent.floorsMs.map(s).join(", ")} (${latent.floor.pages} pages; the faster counts)
  first sync, parallel listings from a delta anchor: ${latent.fullMs.map(s).join(", ")} (the faster counts)   ${counts(latent.full)}
    first sync / sequential floor:    ${latentRatio.toFixed(2).padStart(9)}   target <= 0.30   ${verdict(latentRatio, 0.3)}`);
}
