import Link from "next/link";
import type { SyncRun, SyncTrigger } from "@/db/schema";
import { ListTable } from "@/components/list/list-table";
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

const counts = ["Created", "Updated", "Disabled", "Removed", "Unchanged", "Skipped", "Pages"];
const columns = ["Started", "Trigger", "Status", "Round", ...counts, "Duration"];

/** A connector's runs: the chart, then the table, newest first. */
export function RunHistory({ runs, points, timeZone, basePath, runsPath, labels = triggerLabel, emptyText = "No sync has run yet." }: Props) {
  return (
    <>
      <RunChart points={points} />
      <ListTable columns={columns} numeric={counts} empty={runs.rows.length === 0 ? emptyText : null}>
        {runs.rows.map((run) => (
          <tr key={run.id} className="border-b last:border-0">
            <td className="py-2 pr-4">
              <Link className="text-sky-700 underline" href={`${runsPath}/${run.id}`}>
                {formatDateTime(run.startedAt ?? run.queuedAt, timeZone)}
              </Link>
            </td>
            <td className="py-2 pr-4">{labels[run.trigger]}</td>
            <td className="py-2 pr-4">
              <RunStatusBadge status={run.status} />
              {run.errorCode ? <span className="ml-1 font-mono text-xs text-red-800">{run.errorCode}</span> : null}
            </td>
            <td className="py-2 pr-4">{run.round ?? "—"}</td>
            <td className="py-2 pr-4 text-right">{run.created}</td>
            <td className="py-2 pr-4 text-right">{run.updated}</td>
            <td className="py-2 pr-4 text-right">{run.disabled}</td>
            <td className="py-2 pr-4 text-right">{run.status === "needs_confirmation" ? `${run.pendingRemovals} held` : run.removed}</td>
            <td className="py-2 pr-4 text-right">{run.unchanged}</td>
            <td className="py-2 pr-4 text-right">{run.skipped}</td>
            <td className="py-2 pr-4 text-right">{run.pagesFetched}</td>
            <td className="py-2 pr-4">{formatDuration(runSeconds(run))}</td>
          </tr>
        ))}
      </ListTable>
      <Pagination basePath={basePath} page={runs.page} pageCount={runs.pageCount} total={runs.total} />
    </>
  );
}
