import { z } from "zod";
import { syncPeriods } from "@/db/schema";
import { checkbox, clock } from "./fields";

const guid = (label: string) =>
  z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, `The ${label} is a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47.`)
    .transform((v) => v.toLowerCase());

const groupFilter = z.preprocess(
  (v) => {
    if (typeof v !== "string" || v.trim() === "") return [];
    try {
      return JSON.parse(v);
    } catch {
      return null;
    }
  },
  z.array(z.object({ id: z.uuid(), displayName: z.string().max(256) }), { message: "The group selection is not valid." }).max(50, "Choose at most 50 groups."),
);

/** What Test connection needs: the app's identity, and a secret unless the stored one is meant. */
export const entraConnectionInput = z.object({
  tenantId: guid("tenant ID"),
  clientId: guid("client ID"),
  // Blank keeps the stored secret; the first save needs one (checked against the stored row).
  clientSecret: z
    .string()
    .max(1000)
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined)),
});

/** The MS AAD screen's fields, as posted by its form. */
export const entraSettingsInput = entraConnectionInput
  .extend({
    usage: z.enum(["use", "not_use"], { message: "Choose Use or Not use." }),
    secretExpiresOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.iso.date("Enter the expiry date as YYYY-MM-DD.").nullable()),
    period: z.enum(syncPeriods, { message: "Choose how often to look up users." }),
    weekday: z.preprocess((v) => (v === "" || v === undefined ? null : v), z.coerce.number().int().min(0).max(6).nullable()),
    runHour: clock("hour", 23),
    runMinute: clock("minute", 59),
    runSecond: clock("second", 59),
    skipGuests: checkbox,
    skipDisabled: checkbox,
    requireMicrosoftSignIn: checkbox,
    groupFilter,
    removalThresholdPercent: z.coerce
      .number({ message: "Enter a percentage." })
      .int()
      .min(1, "The removal threshold is 1 to 100 %.")
      .max(100, "The removal threshold is 1 to 100 %."),
  })
  .refine((v) => v.period !== "weekly" || v.weekday !== null, { path: ["weekday"], message: "Choose the day of the week." });

export type EntraSettingsInput = z.infer<typeof entraSettingsInput>;
