import type { FleetPhase, FleetRun } from "./fleet-phase";

export type FleetResults = {
  customers: number;
  requestedCustomers: number;
  latencyMs: number;
  concurrency: number;
  cores: number;
  totalUsers: number;
  largestUsers: number;
  largestAlone: FleetPhase;
  phases: FleetPhase[];
  /** The same fleet due over the schedules' jitter, one worker process. */
  spread: FleetPhase;
  /** Resource units the emulator refused (429) across every tenant, and requests it counted. */
  graph: { throttled: number; requests: number; spent: number };
};

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const n = (value: number) => value.toLocaleString("en-US");
const verdict = (ok: boolean) => (ok ? "met" : "NOT MET");
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

const small = (runs: FleetRun[]) => runs.filter((x) => x.users <= 500);
const large = (runs: FleetRun[]) => runs.filter((x) => x.users >= 10_000);
const waitRatioP95 = (runs: FleetRun[]) =>
  percentile(
    runs.map((x) => x.waitMs / Math.max(1, x.ownMs)),
    95,
  );

/** The small tenants that fell due while a large tenant's run was under way (taken, not finished). */
function dueWhileLargeRan(runs: FleetRun[]): FleetRun[] {
  const spans = large(runs).map((x) => [x.dueMs + x.waitMs, x.dueMs + x.waitMs + x.ownMs] as const);
  return small(runs).filter((x) => spans.some(([from, to]) => x.dueMs >= from && x.dueMs <= to));
}

/** The figures side by side, each target with whether it is met (bench/sync/report.ts's shape). */
export function printFleetReport(r: FleetResults): void {
  const one = r.phases[0]!;
  const floorMs = Math.max(r.largestAlone.makespanMs, (one.cpuSeconds * 1000) / r.cores);
  const ratio = one.makespanMs / floorMs;
  const burstSmall = small(one.runs);
  const meanwhile = dueWhileLargeRan(r.spread.runs);
  const waitP95 = waitRatioP95(meanwhile);
  const memoryRatio = one.peakRssMib / one.idleRssMib;
  const neverSlower = r.phases.every((phase, i) => i === 0 || phase.makespanMs <= r.phases[i - 1]!.makespanMs * 1.05);
  const scaling = r.phases
    .map((p) => {
      const busy = (p.cpuSeconds * 1000) / p.makespanMs / r.cores;
      return `    ${String(p.workers).padStart(2)} worker process${p.workers === 1 ? " " : "es"}: ${s(p.makespanMs).padStart(8)}   worker CPU ${p.cpuSeconds.toFixed(1)} s (${(busy * 100).toFixed(0)} % of ${r.cores} cores)   peak RSS ${p.peakRssMib.toFixed(0)} MiB`;
    })
    .join("\n");
  const scaledDown =
    r.customers < r.requestedCustomers
      ? `\n  (scaled down from ${n(r.requestedCustomers)} customers: see --customers)`
      : r.customers < 2000
        ? `\n  (the issue's fleet is 2,000 customers; this run used ${n(r.customers)}: --customers 2000 for the full one)`
        : "";
  console.log(`
Fleet benchmark: ${n(r.customers)} customers (${n(r.totalUsers)} people; the largest tenant ${n(r.largestUsers)}), all due at once,
each a first sync; Graph answering after a log-normal latency (median ${r.latencyMs} ms), throttling by resource units;
WORKER_CONCURRENCY=${r.concurrency}; ${r.cores} cores shared with PostgreSQL, Redis and the emulator.${scaledDown}

  largest tenant alone (one worker):     ${s(r.largestAlone.makespanMs).padStart(8)}
  fleet's worker CPU ÷ cores:            ${s((one.cpuSeconds * 1000) / r.cores).padStart(8)}   (${one.cpuSeconds.toFixed(1)} s of CPU)
  fleet floor (the larger of the two):   ${s(floorMs).padStart(8)}
  whole fleet, one worker process:       ${s(one.makespanMs).padStart(8)}
    fleet / floor:                       ${ratio.toFixed(2).padStart(8)}   target <= 3.00   ${verdict(ratio <= 3)}

  scaling by worker processes:
${scaling}
    adding processes never slower (±5 %):          ${neverSlower ? "yes" : "no"}        ${verdict(neverSlower)}

  small tenants (<= 500 people) due while a large one (>= 10,000) ran, the fleet due over the schedules'
  jitter (${r.spread.spreadSeconds} s), one worker: ${n(meanwhile.length)} of ${n(small(r.spread.runs).length)}; wait p50 ${s(
    percentile(
      meanwhile.map((x) => x.waitMs),
      50,
    ),
  )}, p95 ${s(
    percentile(
      meanwhile.map((x) => x.waitMs),
      95,
    ),
  )}; own run p50 ${s(
    percentile(
      meanwhile.map((x) => x.ownMs),
      50,
    ),
  )}
    p95 of wait ÷ own run time:          ${waitP95.toFixed(2).padStart(8)}   target <= 2.00   ${verdict(meanwhile.length > 0 && waitP95 <= 2)}
    (every small tenant of that fleet: ${waitRatioP95(small(r.spread.runs)).toFixed(2)}; all ${n(r.customers)} due in the same instant, the burst
    above: ${waitRatioP95(burstSmall).toFixed(2)}, wait p95 ${s(
      percentile(
        burstSmall.map((x) => x.waitMs),
        95,
      ),
    )} — its place in the burst, the lanes putting every small tenant first)

  worker RSS, one worker: idle ${one.idleRssMib.toFixed(0)} MiB, peak with the fleet in flight ${one.peakRssMib.toFixed(0)} MiB (due over the jitter: ${r.spread.peakRssMib.toFixed(0)} MiB)
    peak / idle:                         ${memoryRatio.toFixed(2).padStart(8)}   target <= 1.50   ${verdict(memoryRatio <= 1.5)}

  Graph, as the emulator counted it: ${n(r.graph.requests)} requests, ${n(r.graph.spent)} resource units,
    requests over a tenant's bucket (429): ${String(r.graph.throttled).padStart(5)}   target 0        ${verdict(r.graph.throttled === 0)}`);
}
