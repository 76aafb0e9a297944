import Link from "next/link";
import type { ConnectorId, SyncRun } from "@/db/schema";
import { ListTable } from "@/components/list/list-table";
import { Pagination } from "@/components/list/pagination";
import { formatDateTime } from "@/lib/format-date";
import type { Page } from "@/lib/pagination";
import { formatDuration, runSeconds } from "@/lib/sync/history/format-duration";
import type { RunChartPoint } from "@/lib/sync/history/run-chart-points";
import { connectorLabels } from "./connector-labels";
import { RunChart } from "./run-chart";
import { RunStatusBadge } from "./run-status-badge";

type Props = {
  connector: ConnectorId;
  runs: Page<SyncRun>;
  points: RunChartPoint[];
  timeZone: string;
};

const counts = ["Created", "Updated", "Disabled", "Removed", "Unchanged", "Skipped", "Pages"];
const columns = ["Started", "Trigger", "Status", "Round", ...counts, "Duration"];

/** A connector's runs: the chart, then the table, newest first. */
export function RunHistory({ connector, runs, points, timeZone }: Props) {
  const { path, run: runName, triggers } = connectorLabels[connector];
  return (
    <>
      <RunChart points={points} />
      <ListTable columns={columns} numeric={counts} empty={runs.rows.length === 0 ? `No ${runName} has run yet.` : null}>
        {runs.rows.map((run) => (
          <tr key={run.id} className="border-b last:border-0">
            <td className="py-2 pr-4">
              <Link className="text-sky-700 underline" href={`${path}/runs/${run.id}`}>
                {formatDateTime(run.startedAt ?? run.queuedAt, timeZone)}
              </Link>
            </td>
            <td className="py-2 pr-4">{triggers[run.trigger]}</td>
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
      <Pagination basePath={`${path}/history`} page={runs.page} pageCount={runs.pageCount} total={runs.total} />
    </>
  );
}
