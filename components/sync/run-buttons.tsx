"use client";

import { useState } from "react";
import type { ConnectorId, SyncTrigger } from "@/db/schema";
import type { ActionState } from "@/lib/actions/action-state";
import type { StartedRun } from "@/lib/actions/connector-actions";
import { connectorLabels } from "./connector-labels";
import { RunButton, type RunButtonProps } from "./run-button";

type Props = {
  connector: ConnectorId;
  /** Nothing to run before the settings are saved. */
  disabled: boolean;
  /** The runs this connector offers on demand, each with its own action; the label is the trigger's. */
  buttons: (Omit<RunButtonProps, "label"> & { trigger: SyncTrigger })[];
  /** The run going on, and the finished runs the screen shows: a "started" message lasts while its run has not finished. */
  activeRunId: string | null;
  finishedRunIds: string[];
};

type Notice = { state: ActionState<StartedRun>; seenActive: boolean };

/**
 * A connector's runs on demand (One-time Sync, Simulate, …), side by side,
 * and below them one line for what the last button pressed answered: it does
 * not move the buttons, and a "started" message goes once its run has
 * finished (the run's live progress refreshes the page when it ends).
 */
export function RunButtons({ connector, disabled, buttons, activeRunId, finishedRunIds }: Props) {
  const { aRun, triggers } = connectorLabels[connector];
  const [notice, setNotice] = useState<Notice | null>(null);
  // Stable, so each button's effect runs once per answer.
  const [onAnswer] = useState(() => (state: ActionState<StartedRun>) => setNotice({ state, seenActive: false }));

  const runId = notice?.state.status === "success" ? notice.state.data?.runId : undefined;
  // Adjusted while rendering, as the server's view of the runs changes (not in an effect).
  if (notice && runId) {
    if (!notice.seenActive && activeRunId === runId) setNotice({ ...notice, seenActive: true });
    else if ((notice.seenActive && activeRunId !== runId) || finishedRunIds.includes(runId)) setNotice(null);
  }

  if (disabled) return <p className="text-sm text-slate-600">{`Save the settings to run ${aRun}.`}</p>;
  const state = notice?.state;
  return (
    <div>
      <div className="flex flex-wrap items-start gap-3">
        {buttons.map(({ trigger, ...button }) => (
          <RunButton key={trigger} label={triggers[trigger]} onAnswer={onAnswer} {...button} />
        ))}
      </div>
      {state?.status === "error" ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          {state.message}
        </p>
      ) : (
        <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-emerald-800">
          {state?.status === "success" ? state.message : null}
        </p>
      )}
    </div>
  );
}
