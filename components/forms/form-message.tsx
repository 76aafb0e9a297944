import type { ActionState } from "@/lib/actions/action-state";

/** The outcome of the last submit, announced to screen readers. */
export function FormMessage({ state }: { state: ActionState<unknown> }) {
  if (state.status === "error") {
    return (
      <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
        {state.message}
      </p>
    );
  }
  if (state.status === "success" && state.message) {
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {state.message}
      </p>
    );
  }
  return null;
}
