/** What every form action returns to the form that called it. */
export type ActionState<T = undefined> =
  { status: "idle" } | { status: "success"; message?: string; data?: T } | { status: "error"; message: string; fieldErrors?: Record<string, string> };

export const idle: ActionState<never> = { status: "idle" };
