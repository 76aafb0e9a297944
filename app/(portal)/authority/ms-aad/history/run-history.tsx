import Link from "next/link";
import type { SyncRun, SyncTrigger } from "@/db/schema";
import { Pagination } from "@/components/list/pagination";
import { RunChart } from "@/components/sync/run-chart";
import { RunStatusBadge } from "@/components/sync/run-status-badge";
import { triggerLabel } from "@/components/sync/trigger-label";
import { formatDateTime } from "@/lib/format-date";
import type { Page } from "@/lib/pagination";
import { formatDuration, runSeconds } from "@/lib/sync/history/format-duration";
import type { RunChartPoint } from "@/lib/sync/history/run-chart-points";

type Props = {
  runs: Page<SyncRun>;
  points: RunChartPoint[];
  timeZone: string;
  /** This history page, for paging. */
  basePath: string;
  /** Where a run's details live. */
  runsPath: string;
  /** How the connector names its triggers (an AD "import" is Entra's "sync"). */
  labels?: Record<SyncTrigger, string>;
  emptyText?: string;
};

/** A connector's runs: the chart, then the table, newest first. */
export function RunHistory({ runs, points, timeZone, basePath, runsPath, labels = triggerLabel, emptyText = "No sync has run yet." }: Props) {
  return (
    <>
      <RunChart points={points} />
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b text-slate-500">
            <tr>
              <th className="py-2 pr-3">Started</th>
              <th className="py-2 pr-3">Trigger</th>
              <th className="py-2 pr-3">Status</th>
              <th className="py-2 pr-3">Round</th>
              <th className="py-2 pr-3 text-right">Created</th>
              <th className="py-2 pr-3 text-right">Updated</th>
              <th className="py-2 pr-3 text-right">Disabled</th>
              <th className="py-2 pr-3 text-right">Removed</th>
              <th className="py-2 pr-3 text-right">Unchanged</th>
              <th className="py-2 pr-3 text-right">Skipped</th>
              <th className="py-2 pr-3 text-right">Pages</th>
              <th className="py-2 pr-3">Duration</th>
            </tr>
          </thead>
          <tbody>
            {runs.rows.map((run) => (
              <tr key={run.id} className="border-b last:border-0">
                <td className="py-2 pr-3">
                  <Link className="text-sky-700 underline" href={`${runsPath}/${run.id}`}>
                    {formatDateTime(run.startedAt ?? run.queuedAt, timeZone)}
                  </Link>
                </td>
                <td className="py-2 pr-3">{labels[run.trigger]}</td>
                <td className="py-2 pr-3">
                  <RunStatusBadge status={run.status} />
                  {run.errorCode ? <span className="ml-1 font-mono text-xs text-red-800">{run.errorCode}</span> : null}
                </td>
                <td className="py-2 pr-3">{run.round ?? "—"}</td>
                <td className="py-2 pr-3 text-right">{run.created}</td>
                <td className="py-2 pr-3 text-right">{run.updated}</td>
                <td className="py-2 pr-3 text-right">{run.disabled}</td>
                <td className="py-2 pr-3 text-right">{run.status === "needs_confirmation" ? `${run.pendingRemovals} held` : run.removed}</td>
                <td className="py-2 pr-3 text-right">{run.unchanged}</td>
                <td className="py-2 pr-3 text-right">{run.skipped}</td>
                <td className="py-2 pr-3 text-right">{run.pagesFetched}</td>
                <td className="py-2 pr-3">{formatDuration(runSeconds(run))}</td>
              </tr>
            ))}
            {runs.rows.length === 0 ? (
              <tr>
                <td colSpan={12} className="py-6 text-center text-slate-500">
                  {emptyText}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <Pagination basePath={basePath} page={runs.page} pageCount={runs.pageCount} total={runs.total} />
    </>
  );
}
