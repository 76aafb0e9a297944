"use client";

import type { ConnectorId, SyncTrigger } from "@/db/schema";
import { connectorLabels } from "./connector-labels";
import { RunButton, type RunButtonProps } from "./run-button";

type Props = {
  connector: ConnectorId;
  /** Nothing to run before the settings are saved. */
  disabled: boolean;
  /** The runs this connector offers on demand, each with its own action; the label is the trigger's. */
  buttons: (Omit<RunButtonProps, "label"> & { trigger: SyncTrigger })[];
};

/** A connector's runs on demand (One-time Sync, Simulate, …), side by side. */
export function RunButtons({ connector, disabled, buttons }: Props) {
  const { aRun, triggers } = connectorLabels[connector];
  if (disabled) return <p className="text-sm text-slate-600">{`Save the settings to run ${aRun}.`}</p>;
  return (
    <div className="flex flex-wrap items-start gap-3">
      {buttons.map(({ trigger, ...button }) => (
        <RunButton key={trigger} label={triggers[trigger]} {...button} />
      ))}
    </div>
  );
}
