import { z } from "zod";
import { safeText } from "./fields";

const maxValues = 200;
const maxValueLength = 80; // as the user form's package, user type and site

/** One list as a text area posts it: a value a line, blank lines and repeats left out, in the order written. */
const picklistText = (label: string) =>
  safeText(maxValues * (maxValueLength + 2), { multiline: true })
    .transform((text) => [...new Set(text.split(/\r?\n/).map((line) => line.trim()))].filter(Boolean))
    .refine((values) => values.length <= maxValues, `At most ${maxValues} ${label}.`)
    .refine((values) => values.every((v) => v.length <= maxValueLength), `Each of the ${label} is at most ${maxValueLength} characters.`);

export const savePicklistsInput = z.object({
  packages: picklistText("packages"),
  userTypes: picklistText("user types"),
  sites: picklistText("sites"),
});
export type SavePicklistsInput = z.infer<typeof savePicklistsInput>;
