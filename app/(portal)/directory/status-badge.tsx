import type { DirectoryStatus } from "@/db/schema";

const styles: Record<DirectoryStatus, string> = {
  active: "bg-emerald-100 text-emerald-800",
  disabled: "bg-amber-100 text-amber-800",
  removed: "bg-slate-200 text-slate-700",
};

const labels: Record<DirectoryStatus, string> = { active: "Active", disabled: "Disabled", removed: "Removed" };

export function StatusBadge({ status }: { status: DirectoryStatus }) {
  return <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}>{labels[status]}</span>;
}
