import type { SyncStatus } from "@/db/schema";

const look: Record<SyncStatus, { label: string; style: string }> = {
  queued: { label: "Queued", style: "bg-slate-200 text-slate-800" },
  running: { label: "Running", style: "bg-sky-100 text-sky-800" },
  succeeded: { label: "Succeeded", style: "bg-emerald-100 text-emerald-800" },
  failed: { label: "Failed", style: "bg-red-100 text-red-800" },
  needs_confirmation: { label: "Needs confirmation", style: "bg-amber-100 text-amber-900" },
  confirmed: { label: "Confirmed", style: "bg-emerald-100 text-emerald-800" },
  superseded: { label: "Superseded", style: "bg-slate-100 text-slate-600" },
};

export function RunStatusBadge({ status }: { status: SyncStatus }) {
  const { label, style } = look[status];
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${style}`}>{label}</span>;
}
