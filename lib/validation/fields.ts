import { z } from "zod";

/** Field rules shared by every form, so a rule is written once and reads the same everywhere. */

/** Empty form fields arrive as "", which means "not set". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : null));

export const requiredText = (label: string, max: number) =>
  z.string().trim().min(1, `${label} is required.`).max(max, `At most ${max} characters.`);

export const optionalEmail = z
  .string()
  .trim()
  .max(254)
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.email("Enter a valid e-mail address.").nullable());

export const optionalPhone = optionalText(32).pipe(
  z
    .string()
    .regex(/^\+?[0-9][0-9 ()\-.]{1,30}$/, "Use digits, spaces, +, -, ( and ) only.")
    .nullable(),
);

export const extension = z.string().trim().regex(/^[0-9]{2,8}$/, "An extension is 2 to 8 digits.");
export const optionalExtension = optionalText(8).pipe(extension.nullable());

export const newPassword = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "At most 200 characters.");

/** The part before "@" of a customer's portal ID; the customer slug follows it. */
export const portalLocalPart = z
  .string()
  .trim()
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
  .refine(isTimeZone, "Choose a time zone from the list (e.g. Europe/Berlin).");

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const uuid = z.uuid("Not a valid ID.");

/** `?q=…&page=…` of a list page; anything odd falls back to the first page, unfiltered. */
export const listQuery = z.object({
  q: z.string().trim().max(100).catch(""),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** An hour, minute or second of a schedule, as a form posts it. */
export const clock = (label: string, max: number) =>
  z.coerce
    .number({ message: `Enter the ${label} as a number.` })
    .int(`Enter the ${label} as a whole number.`)
    .min(0, `The ${label} is 0 to ${max}.`)
    .max(max, `The ${label} is 0 to ${max}.`);

/** A form checkbox: "on" when ticked, absent when not. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
