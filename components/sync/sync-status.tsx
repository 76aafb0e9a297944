import Link from "next/link";
import type { ConnectorId, SyncRun } from "@/db/schema";
import { formatDateTime } from "@/lib/format-date";
import { runProgressOf } from "@/lib/sync/history/run-progress";
import { connectorLabels } from "./connector-labels";
import { RunProgress } from "./run-progress";
import { RunStatusBadge } from "./run-status-badge";

type Props = {
  connector: ConnectorId;
  activeRun: SyncRun | null;
  lastRun: SyncRun | null;
  timeZone: string;
};

/** The run going on (live), or else the outcome of the last one. */
export function SyncStatus({ connector, activeRun, lastRun, timeZone }: Props) {
  const { path, triggers, firstRunHint } = connectorLabels[connector];
  if (activeRun) {
    return (
      <div className="mt-4">
        <RunProgress runId={activeRun.id} initial={runProgressOf(activeRun)} labels={triggers} />
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
        <Link className="text-sky-700 underline" href={`${path}/runs/${lastRun.id}`}>
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
          {lastRun.created} created, {lastRun.updated} updated, {lastRun.disabled} disabled, {lastRun.removed} removed, {lastRun.unchanged} unchanged,{" "}
          {lastRun.skipped} skipped.
        </p>
      )}
    </div>
  );
}
