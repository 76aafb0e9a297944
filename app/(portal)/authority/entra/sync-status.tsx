import Link from "next/link";
import type { SyncRun, SyncTrigger } from "@/db/schema";
import { RunProgress } from "@/components/sync/run-progress";
import { RunStatusBadge } from "@/components/sync/run-status-badge";
import { formatDateTime } from "@/lib/format-date";
import { runProgressOf } from "@/lib/sync/history/run-progress";

type Props = {
  activeRun: SyncRun | null;
  lastRun: SyncRun | null;
  timeZone: string;
  /** Where a run's details live (MS AAD's by default; each connector has its own). */
  runsPath?: string;
  /** Said before the first run. */
  firstRunHint?: string;
  /** What the connector calls its runs (MS AAD's "One-time Sync" by default). */
  labels?: Record<SyncTrigger, string>;
};

/** The run going on (live), or else the outcome of the last one. */
export function SyncStatus({
  activeRun,
  lastRun,
  timeZone,
  runsPath = "/authority/entra/runs",
  firstRunHint = "No sync has run yet. The first one is best started by hand: One-time Sync.",
  labels,
}: Props) {
  if (activeRun) {
    return (
      <div className="mt-4">
        <RunProgress runId={activeRun.id} initial={runProgressOf(activeRun)} labels={labels} />
      </div>
    );
  }
  if (!lastRun) return <p className="mt-4 text-sm text-slate-600">{firstRunHint}</p>;
  return (
    <div className="mt-4 rounded-md border border-slate-200 p-4 text-sm">
      <p className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-medium">Last run</span>
        <RunStatusBadge status={lastRun.status} />
        <span className="text-slate-600">{formatDateTime(lastRun.finishedAt ?? lastRun.queuedAt, timeZone)}</span>
        <Link className="text-sky-700 underline" href={`${runsPath}/${lastRun.id}`}>
          Details
        </Link>
      </p>
      {lastRun.error ? (
        <p role="alert" className="text-red-800">
          {lastRun.error} {lastRun.errorCode ? <span className="font-mono">({lastRun.errorCode})</span> : null}
        </p>
      ) : (
        <p className="text-slate-700">
          {lastRun.trigger === "simulate" ? "Simulation — nothing written. Would have: " : ""}
          {lastRun.created} created, {lastRun.updated} updated, {lastRun.disabled} disabled, {lastRun.removed} removed, {lastRun.unchanged} unchanged, {lastRun.skipped} skipped.
        </p>
      )}
    </div>
  );
}
