import type { RunChange } from "@/lib/sync/history/list-run-changes";

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : String(v));

/** One entry's change in a run: who, what kind, and each field old → new. */
export function ChangeRow({ change }: { change: RunChange }) {
  return (
    <li className="py-2">
      <p>
        <span className="font-medium">{change.displayName ?? change.objectId}</span>{" "}
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">{change.kind}</span>
      </p>
      <ul className="mt-1 text-slate-600">
        {Object.entries(change.fields).map(([field, [from, to]]) => (
          <li key={field}>
            {field}: <span className="line-through decoration-slate-400">{shown(from)}</span> → {shown(to)}
          </li>
        ))}
      </ul>
    </li>
  );
}
