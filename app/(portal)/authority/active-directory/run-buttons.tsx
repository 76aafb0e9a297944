"use client";

import { RunButton } from "../entra/run-buttons";
import { oneTimeImportAction, simulateImportAction } from "./actions";

/** Runs on demand: One-time import, and Simulate (reads the directory, writes nothing). Every AD run is a full one. */
export function LdapRunButtons({ disabled }: { disabled: boolean }) {
  if (disabled) return <p className="text-sm text-slate-600">Save the settings to run an import.</p>;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <RunButton action={oneTimeImportAction} label="One-time import" variant="primary" />
      <RunButton action={simulateImportAction} label="Simulate" variant="secondary" />
    </div>
  );
}
