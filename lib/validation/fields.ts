import { z } from "zod";
import { textProblem } from "@/lib/text/text-problem";
import { canonicalTimeZone } from "@/lib/time-zones";
import { countryOf } from "@/lib/phone/normalise-phone";

/** Field rules shared by every form, so a rule is written once and reads the same everywhere. */

/** Refuses what the database cannot store or a form never sends (see textProblem); used by every text field below. */
export const storable =
  (opts: { multiline?: boolean } = {}) =>
  (value: string, ctx: z.RefinementCtx) => {
    const problem = textProblem(value, opts);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  };

/**
 * Text as a form posts it: trimmed, at most `max` characters, storable. The
 * base of every free-text field, so no field can carry NUL, a lone surrogate
 * or a value longer than its column's index takes.
 */
export const safeText = (max: number, opts: { multiline?: boolean } = {}) =>
  z.string().trim().max(max, `At most ${max} characters.`).superRefine(storable(opts));

/** Empty form fields arrive as "", which means "not set". */
export const optionalText = (max: number, opts: { multiline?: boolean } = {}) =>
  safeText(max, opts)
    .optional()
    .transform((v) => (v ? v : null));

export const requiredText = (label: string, max: number) => safeText(max).min(1, `${label} is required.`);

export const optionalEmail = safeText(254)
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.email("Enter a valid e-mail address.").nullable());

export const optionalPhone = optionalText(32).pipe(
  z
    .string()
    .regex(/^\+?[0-9][0-9 ()\-.]{1,30}$/, "Use digits, spaces, +, -, ( and ) only.")
    .nullable(),
);

export const extension = z
  .string()
  .trim()
  .regex(/^[0-9]{2,8}$/, "An extension is 2 to 8 digits.");
export const optionalExtension = optionalText(8).pipe(extension.nullable());

/** Never trimmed: spaces at either end are part of a password. */
export const newPassword = z.string().min(10, "Use at least 10 characters.").max(200, "At most 200 characters.").superRefine(storable());

/** A password typed to prove who one is (current password, test sign-in): not checked against the rules for new ones. */
export const typedPassword = (required: string) => z.string({ message: required }).min(1, required).max(200, "At most 200 characters.").superRefine(storable());

/** The part before "@" of a customer's portal ID; the customer slug follows it. */
export const portalLocalPart = z
  .string()
  .trim()
  .max(64, "At most 64 characters.")
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, "Use letters, digits, dots, dashes or underscores.");

export const customerSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,30}[a-z0-9])?$/, "Use 1–32 lowercase letters, digits or dashes.");

export const timeZone = z
  .string()
  .trim()
  .max(64, "Choose a time zone from the list (e.g. Europe/Berlin).")
  .refine(isTimeZone, "Choose a time zone from the list (e.g. Europe/Berlin).")
  // An old name (Asia/Calcutta) is accepted and saved as the canonical one (Asia/Kolkata).
  .transform(canonicalTimeZone);

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const uuid = z.uuid("Not a valid ID.");

/** An hour, minute or second of a schedule, as a form posts it. */
export const clock = (label: string, max: number) =>
  z.coerce
    .number({ message: `Enter the ${label} as a number.` })
    .int(`Enter the ${label} as a whole number.`)
    .min(0, `The ${label} is 0 to ${max}.`)
    .max(max, `The ${label} is 0 to ${max}.`);

/** A form checkbox: "on" when ticked, absent when not; any other value is not one a checkbox sends. */
export const checkbox = z.preprocess(
  (v) => (v === "on" || v === "true" || v === true ? true : v === undefined || v === "" || v === "false" || v === false ? false : v),
  z.boolean({ message: "Not a valid choice." }),
);

/** The company's default country for phone numbers: an ISO 3166 alpha-2 code libphonenumber-js knows, or empty for none. */
export const phoneCountry = safeText(8)
  .optional()
  .transform((v) => (v ? v.toUpperCase() : null))
  .refine((v) => v === null || countryOf(v) !== null, "Choose a country from the list.");
