"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import type { SyncTrigger } from "@/db/schema";
import type { RunProgressData } from "@/lib/sync/history/run-progress";
import { RunStatusBadge } from "./run-status-badge";

const active = (status: RunProgressData["status"]) => status === "queued" || status === "running";

/**
 * A run's progress, live: polls the run every second while it is queued or
 * running, then refreshes the page so everything server-rendered catches up.
 */
/** `labels`: what the connector calls its runs (connectorLabels). */
export function RunProgress({ runId, initial, labels }: { runId: string; initial: RunProgressData; labels: Record<SyncTrigger, string> }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);

  useEffect(() => {
    if (!active(progress.status)) return;
    let stopped = false;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/sync/runs/${runId}`, { cache: "no-store" });
        if (stopped || !response.ok) return;
        const next: RunProgressData = await response.json();
        setProgress(next);
        if (!active(next.status)) router.refresh();
      } catch {
        if (!stopped) setProgress((p) => ({ ...p })); // try again on the next tick
      }
    }, 1000);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [progress, runId, router]);

  const simulate = progress.trigger === "simulate";
  return (
    <div role="status" aria-live="polite" className="rounded-md border border-sky-200 bg-sky-50 p-4 text-sm text-slate-800">
      <p className="mb-2 flex flex-wrap items-center gap-2 font-medium">
        {labels[progress.trigger]} <RunStatusBadge status={progress.status} />
        {progress.round ? <span className="text-slate-600">({progress.round === "full" ? "full round" : "changes only"})</span> : null}
      </p>
      <p>
        {progress.pagesFetched} pages fetched · {progress.entriesProcessed} entries processed
        {progress.budgetWaits > 0 ? ` · pacing to stay within the tenant's Microsoft Graph budget (waited ${Math.round(progress.budgetWaitMs / 1000)} s)` : ""}
        {progress.throttleWaits > 0 ? ` · waited out throttling ${progress.throttleWaits} times` : ""}
        {progress.unavailableRetries > 0 ? ` · Microsoft Graph was temporarily unavailable, tried again ${progress.unavailableRetries} times` : ""}
      </p>
      <p>
        {simulate ? "Would be so far: " : "So far: "}
        {progress.created} created, {progress.updated} updated, {progress.disabled} disabled, {progress.unchanged} unchanged, {progress.skipped} skipped
      </p>
      {progress.error ? <p className="mt-1 text-amber-900">{progress.error}</p> : null}
    </div>
  );
}
