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
  /** The last finished run that wrote (scheduled, one-time, full resync). */
  lastRun: SyncRun | null;
  /** The last finished simulation, shown apart so it never hides the last real run. */
  lastSimulation: SyncRun | null;
  timeZone: string;
};

/** The run going on (live), or else the outcome of the last real run and of the last simulation, each labelled. */
export function SyncStatus({ connector, activeRun, lastRun, lastSimulation, timeZone }: Props) {
  const { triggers, firstRunHint } = connectorLabels[connector];
  if (activeRun) {
    return (
      <div className="mt-4">
        <RunProgress runId={activeRun.id} initial={runProgressOf(activeRun)} labels={triggers} />
      </div>
    );
  }
  return (
    <>
      {lastRun ? (
        <RunOutcome connector={connector} title="Last run" run={lastRun} timeZone={timeZone} />
      ) : (
        <p className="mt-4 text-sm text-slate-600">{firstRunHint}</p>
      )}
      {lastSimulation ? (
        <RunOutcome
          connector={connector}
          title="Last simulation"
          run={lastSimulation}
          timeZone={timeZone}
          // Still shown when a real run came after it (it is the last simulation all the same), but said so.
          note={
            lastRun && lastRun.queuedAt > lastSimulation.queuedAt
              ? "Made before the latest sync: simulate again to see what a sync would change now."
              : undefined
          }
        />
      ) : null}
    </>
  );
}

type OutcomeProps = { connector: ConnectorId; title: string; run: SyncRun; timeZone: string; note?: string };

function RunOutcome({ connector, title, run, timeZone, note }: OutcomeProps) {
  const { path } = connectorLabels[connector];
  return (
    <div className="mt-4 rounded-md border border-slate-200 p-4 text-sm">
      <p className="mb-2 flex flex-wrap items-center gap-2">
        <span className="font-medium">{title}</span>
        <RunStatusBadge status={run.status} />
        <span className="text-slate-600">{formatDateTime(run.finishedAt ?? run.queuedAt, timeZone)}</span>
        <Link className="text-sky-700 underline" href={`${path}/runs/${run.id}`} aria-label={`Details of the ${title.toLowerCase()}`}>
          Details
        </Link>
      </p>
      {run.error ? (
        <p role="alert" className="text-red-800">
          {run.error} {run.errorCode ? <span className="font-mono">({run.errorCode})</span> : null}
        </p>
      ) : (
        <p className="text-slate-700">
          {run.trigger === "simulate" ? "Simulation — nothing written. Would have: " : ""}
          {run.created} created, {run.updated} updated, {run.disabled} disabled, {run.removed} removed, {run.unchanged} unchanged, {run.skipped} skipped.
        </p>
      )}
      {note ? <p className="mt-1 text-slate-500">{note}</p> : null}
    </div>
  );
}
