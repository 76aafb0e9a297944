import type { z } from "zod";

const inputs = new WeakMap<object, z.ZodType>();

/**
 * The zod schema each action was defined with, by action. defineAction
 * records it; the hostile-input test reads it to put a value in every field
 * of every action, so a new action is covered without being listed.
 */
export const actionInput = {
  record(action: object, input: z.ZodType): void {
    inputs.set(action, input);
  },
  of(action: object): z.ZodType | undefined {
    return inputs.get(action);
  },
};
