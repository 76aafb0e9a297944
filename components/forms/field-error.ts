import type { ActionState } from "@/lib/actions/action-state";

export function fieldError(state: ActionState<unknown>, field: string): string | undefined {
  return state.status === "error" ? state.fieldErrors?.[field] : undefined;
}
