import { z } from "zod";
import { parseUntrustedJson } from "@/lib/http/parse-untrusted-json";
import { connectorScheduleShape, requireWeekdayWhenWeekly } from "./connector-schedule";
import { checkbox, safeText, storable } from "./fields";
import { uuidPattern } from "./uuid-pattern";

const guid = (label: string) =>
  z
    .string()
    .trim()
    .regex(uuidPattern, `The ${label} is a GUID like 72f988bf-86f1-41af-91ab-2d7cd011db47.`)
    .transform((v) => v.toLowerCase());

// 50 groups of a GUID and a 256-character name fit well inside this.
const groupFilterMaxLength = 40_000;

/** The group picker's choice (Entra groups), posted as JSON in a hidden field: shared by the sync's group filter and provisioning's scope. */
export const entraGroupSelection = z.preprocess(
  (v) => {
    if (typeof v !== "string" || v.trim() === "") return [];
    if (v.length > groupFilterMaxLength) return null;
    try {
      return parseUntrustedJson(v);
    } catch {
      return null;
    }
  },
  z.array(z.object({ id: z.uuid(), displayName: safeText(256) }), { message: "The group selection is not valid." }).max(50, "Choose at most 50 groups."),
);

/** What Test connection needs: the app's identity, and a secret unless the stored one is meant. */
export const entraConnectionInput = z.object({
  tenantId: guid("tenant ID"),
  clientId: guid("client ID"),
  // Blank keeps the stored secret; the first save needs one (checked against the stored row).
  clientSecret: z
    .string()
    .max(1000, "At most 1,000 characters.")
    .superRefine(storable())
    .optional()
    .transform((v) => (v && v.trim() ? v.trim() : undefined)),
});

/** The MS AAD screen's fields, as posted by its form. */
export const entraSettingsInput = entraConnectionInput
  .extend({
    ...connectorScheduleShape("look up users"),
    secretExpiresOn: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : null))
      .pipe(z.iso.date("Enter the expiry date as YYYY-MM-DD.").nullable()),
    skipGuests: checkbox,
    skipDisabled: checkbox,
    requireMicrosoftSignIn: checkbox,
    groupFilter: entraGroupSelection,
  })
  .superRefine(requireWeekdayWhenWeekly);

export type EntraSettingsInput = z.infer<typeof entraSettingsInput>;
