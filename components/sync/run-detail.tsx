import Link from "next/link";
import { notFound } from "next/navigation";
import { syncChangeKinds, type ConnectorId, type SyncChangeKind } from "@/db/schema";
import { Card } from "@/components/layout/card";
import { Pagination } from "@/components/list/pagination";
import type { ActionState } from "@/lib/actions/action-state";
import { orNotFound } from "@/lib/auth/or-not-found";
import { getCustomer } from "@/lib/customers/get-customer";
import { formatDateTime } from "@/lib/format-date";
import { formatDuration, runSeconds } from "@/lib/sync/history/format-duration";
import { getRun } from "@/lib/sync/history/get-run";
import { listRunChanges, type RunChange } from "@/lib/sync/history/list-run-changes";
import { runProgressOf } from "@/lib/sync/history/run-progress";
import { countOf } from "@/lib/text/count-of";
import { readListQuery } from "@/lib/validation/list-query";
import { ProvisioningRecords } from "@/components/provisioning/provisioning-records";
import { ChangeRow } from "./change-row";
import { ConfirmRemovalsButton } from "./confirm-removals-button";
import { connectorLabels } from "./connector-labels";
import { RunProgress } from "./run-progress";
import { RunStatusBadge } from "./run-status-badge";

type Props = {
  customerId: string;
  runId: string;
  /** A run of another connector is not found here: it has its own page. */
  connector: ConnectorId;
  query: Record<string, string>;
  /** The connector's own confirm action (it refreshes that connector's screen). */
  confirmAction: (prev: ActionState, formData: FormData) => Promise<ActionState>;
};

/** One run of a connector: what it did, how long it took, and each entry it changed (grouped and filterable by kind, fifty a page). */
export async function RunDetail({ customerId, runId, connector, query, confirmAction }: Props) {
  const { path, history, triggers: labels, sourceName, waits } = connectorLabels[connector];
  const { page } = readListQuery(query);
  const kind = syncChangeKinds.find((k) => k === query.kind);
  const [customer, run, asked] = await Promise.all([
    getCustomer({ customerId }),
    orNotFound(getRun({ customerId, runId })),
    listRunChanges({ customerId, runId, kind, page }),
  ]);
  if (run.connector !== connector) notFound();
  // A page past the end (a stale link) shows the last page, never "no changes".
  const changes = page > asked.pageCount ? await listRunChanges({ customerId, runId, kind, page: asked.pageCount }) : asked;
  const tz = customer.timeZone;
  const active = run.status === "queued" || run.status === "running";
  const runPath = `${path}/runs/${run.id}`;
  const filterHref = (k?: string) => `${runPath}${k ? `?kind=${k}` : ""}`;

  return (
    <>
      <p className="mb-4 text-sm">
        <Link href={`${path}/history`} className="text-sky-700 hover:underline">
          ← {history}
        </Link>
      </p>
      <Card title={`${labels[run.trigger]} of ${formatDateTime(run.startedAt ?? run.queuedAt, tz)}`}>
        {run.trigger === "simulate" ? (
          <p className="mb-4 rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
            Nothing was written: this is what a sync would change.
          </p>
        ) : null}
        {run.status === "needs_confirmation" ? (
          <div role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="mb-2">
              This run would remove {countOf(run.pendingRemovals, "entry", "entries")}, more than your threshold, so it removed none. The entries are listed
              below as removed.
            </p>
            <ConfirmRemovalsButton runId={run.id} count={run.pendingRemovals} action={confirmAction} />
          </div>
        ) : null}
        {active ? <RunProgress runId={run.id} initial={runProgressOf(run)} labels={labels} /> : null}
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[11rem_1fr]">
          <dt className="text-slate-500">Status</dt>
          <dd>
            <RunStatusBadge status={run.status} />
          </dd>
          <dt className="text-slate-500">Round</dt>
          <dd>{run.round === "full" ? "Full (every user)" : run.round === "delta" ? "Changes only (delta)" : "—"}</dd>
          {run.readAs ? (
            <>
              <dt className="text-slate-500">Read as</dt>
              <dd>{run.readAs}</dd>
            </>
          ) : null}
          <dt className="text-slate-500">Queued / started / finished</dt>
          <dd>
            {formatDateTime(run.queuedAt, tz)} / {formatDateTime(run.startedAt, tz)} / {formatDateTime(run.finishedAt, tz)}
          </dd>
          <dt className="text-slate-500">Duration, attempts</dt>
          <dd>
            {formatDuration(runSeconds(run))}, {countOf(run.attempts, "attempt")}
          </dd>
          <dt className="text-slate-500">Counts</dt>
          <dd>
            {run.created} created, {run.updated} updated, {run.disabled} disabled, {run.removed} removed, {run.unchanged} unchanged, {run.skipped} skipped
          </dd>
          <dt className="text-slate-500">{sourceName}</dt>
          <dd>
            {countOf(run.pagesFetched, "page")}, {countOf(run.entriesProcessed, "entry", "entries")}
            {waits ? `; ${waits(run)}` : ""}
          </dd>
          {run.error ? (
            <>
              <dt className="text-slate-500">Error</dt>
              <dd className="text-red-800">
                {run.error} {run.errorCode ? <span className="font-mono">({run.errorCode})</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
      </Card>
      <Card title="Changes">
        <nav aria-label="Filter changes" className="mb-3 flex flex-wrap gap-2 text-sm">
          {[undefined, ...syncChangeKinds].map((k) => (
            <Link
              key={k ?? "all"}
              href={filterHref(k)}
              aria-current={k === kind ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${k === kind ? "border-sky-700 bg-sky-50 text-sky-900" : "border-slate-300 text-slate-700"}`}
            >
              {k ? kindLabels[k] : "All"}
            </Link>
          ))}
        </nav>
        {changeGroups(changes.rows).map(([k, rows]) => (
          <section key={k} aria-label={kindLabels[k]} className="mb-3">
            <h3 className="border-b border-slate-200 pb-1 text-sm font-semibold text-slate-700">{kindLabels[k]}</h3>
            <ul className="divide-y text-sm">
              {rows.map((change) => (
                <ChangeRow key={change.id} change={change} />
              ))}
            </ul>
          </section>
        ))}
        {changes.rows.length === 0 ? <p className="py-4 text-center text-sm text-slate-500">No changes{kind ? ` of this kind` : ""}.</p> : null}
        <Pagination basePath={runPath} params={{ kind }} page={changes.page} pageCount={changes.pageCount} total={changes.total} />
      </Card>
      <ProvisioningRecords customerId={customerId} runId={run.id} runPath={runPath} simulate={run.trigger === "simulate"} query={query} />
    </>
  );
}

const kindLabels: Record<SyncChangeKind, string> = {
  created: "Created",
  updated: "Updated",
  disabled: "Disabled",
  enabled: "Enabled",
  removed: "Removed",
  restored: "Restored",
};

/** A page's changes under a heading per kind (the page lists them kind by kind already; this keeps it so whatever comes). */
function changeGroups(rows: RunChange[]): [SyncChangeKind, RunChange[]][] {
  return syncChangeKinds.flatMap((k) => {
    const ofKind = rows.filter((r) => r.kind === k);
    return ofKind.length > 0 ? [[k, ofKind] as [SyncChangeKind, RunChange[]]] : [];
  });
}
