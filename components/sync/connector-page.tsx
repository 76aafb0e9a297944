import Link from "next/link";
import type { ComponentProps, ReactNode } from "react";
import type { ConnectorId } from "@/db/schema";
import { Card } from "@/components/layout/card";
import { formatDateTime } from "@/lib/format-date";
import { provisioningScreens } from "@/components/provisioning/provisioning-screens";
import { describeSchedule, type ScheduleSettings } from "@/lib/sync/schedule";
import { pendingConfirmationRun, syncOverview } from "@/lib/sync/sync-overview";
import { ConfirmRemovalsButton } from "./confirm-removals-button";
import { connectorLabels } from "./connector-labels";
import { RunButtons } from "./run-buttons";
import { SyncStatus } from "./sync-status";

type Props = {
  connector: ConnectorId;
  customer: { id: string; timeZone: string };
  /** The stored settings (null before the first save): whether and when the connector runs. */
  schedule: (ScheduleSettings & { enabled: boolean }) | null;
  /** The connector's own facts, after its usage (dt/dd pairs). */
  facts?: ReactNode;
  runButtons: ComponentProps<typeof RunButtons>["buttons"];
  confirmAction: ComponentProps<typeof ConfirmRemovalsButton>["action"];
  /** A link to the run history, where no tab leads there. */
  historyLink?: boolean;
  /** The connector's settings form. */
  form: ReactNode;
  /** The connector's own cards, after its settings. */
  children?: ReactNode;
};

/**
 * A pull connector's screen: its runs (state, the run going on or the last,
 * removals waiting for confirmation, runs on demand), then its settings, then
 * whatever the connector adds.
 */
export async function ConnectorPage({ connector, customer, schedule, facts, runButtons, confirmAction, historyLink = false, form, children }: Props) {
  const { label, path, run, history } = connectorLabels[connector];
  const timeZone = customer.timeZone;
  const [overview, pending] = await Promise.all([
    syncOverview({ customerId: customer.id, connector, schedule, timeZone }),
    pendingConfirmationRun({ customerId: customer.id, connector }),
  ]);

  return (
    <>
      <Card title={`Directory ${run}`}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="text-slate-500">User Look-Up Usage</dt>
          <dd>{schedule?.enabled ? `Use — ${describeSchedule(schedule)} (${timeZone})` : "Not use"}</dd>
          {facts}
          <dt className="text-slate-500">Next scheduled run</dt>
          <dd>
            {overview.nextRun?.at ? formatDateTime(overview.nextRun.at, timeZone) : "None scheduled"}
            {overview.nextRun?.estimated ? " (expected; the job queue could not be asked)" : ""}
          </dd>
        </dl>
        <SyncStatus
          connector={connector}
          activeRun={overview.activeRun}
          lastRun={overview.lastRun}
          lastSimulation={overview.lastSimulation}
          timeZone={timeZone}
        />
        {pending ? (
          <div role="alert" className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
            <p className="mb-3">
              The {run} of {formatDateTime(pending.finishedAt, timeZone)} would remove {pending.pendingRemovals} directory entries — more than your threshold —
              so it removed none.{" "}
              <Link className="underline" href={`${path}/runs/${pending.id}`}>
                See which entries
              </Link>
              , then confirm if that is right.
            </p>
            <ConfirmRemovalsButton runId={pending.id} count={pending.pendingRemovals} action={confirmAction} />
          </div>
        ) : null}
        <div className="mt-5 flex flex-wrap items-start justify-between gap-3">
          <RunButtons
            connector={connector}
            disabled={!schedule}
            buttons={runButtons}
            activeRunId={overview.activeRun?.id ?? null}
            finishedRunIds={[overview.lastRun, overview.lastSimulation].flatMap((r) => (r ? [r.id] : []))}
          />
          <div className="flex gap-4 text-sm">
            {historyLink ? (
              <Link className="text-sky-700 underline" href={`${path}/history`}>
                {history}
              </Link>
            ) : null}
            {/* Who of the synced people become portal users: its own screen, under the connector's. */}
            <Link className="text-sky-700 underline" href={provisioningScreens[connector].path}>
              Provisioning
            </Link>
          </div>
        </div>
      </Card>
      <Card title={`${label} settings`}>{form}</Card>
      {children}
    </>
  );
}
