import { z } from "zod";
import { extensionModes, extensionRules, groupMemberTypes, type DirectorySource } from "@/db/schema";
import { entraGroupSelection } from "./entra-settings-input";
import { checkbox, optionalText, storable } from "./fields";
import { isDistinguishedName } from "./ldap-settings-input";

// Extensions are stored as numbers: no leading zero, 2 to 8 digits, like the portal's extensions.
const rangeBound = (label: string) =>
  optionalText(8)
    .pipe(
      z
        .string()
        .regex(/^[1-9][0-9]{1,7}$/, `The ${label} of the range is an extension: a number of 2 to 8 digits, not starting with 0.`)
        .nullable(),
    )
    .transform((v) => (v === null ? null : Number(v)));

const maxScopeGroups = 50;

/** Active Directory groups by DN, one a line (the textarea), each its own entry: {id: DN, displayName: its first RDN's value}. */
const adGroupDns = z
  .string()
  .max(50_000, "At most 50,000 characters.")
  .superRefine(storable({ multiline: true }))
  .optional()
  .transform((raw, ctx) => {
    const lines = [...new Set((raw ?? "").split(/\r\n?|\n/).map((line) => line.trim()))].filter(Boolean);
    if (lines.length > maxScopeGroups) {
      ctx.addIssue({ code: "custom", message: `Choose at most ${maxScopeGroups} groups.` });
      return z.NEVER;
    }
    const bad = lines.filter((dn) => dn.length > 1000 || !isDistinguishedName(dn));
    if (bad.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `Enter one group DN a line, like CN=Sales,OU=Groups,DC=contoso,DC=com. Not a DN: ${bad.slice(0, 3).join("; ").slice(0, 300)}`,
      });
      return z.NEVER;
    }
    return lines.map((dn) => ({ id: dn, displayName: dn.split(/(?<!\\),/)[0]!.replace(/^[^=]*=\s*/, "") }));
  });

/** Entra groups from the picker; any fault is told on the field itself (the picker has no sub-fields to show it on). */
const entraGroups = z.preprocess(
  (raw) => raw ?? "",
  z.unknown().transform((raw, ctx) => {
    const parsed = entraGroupSelection.safeParse(raw);
    if (parsed.success) return parsed.data;
    const tooMany = parsed.error.issues.find((i) => i.code === "too_big");
    ctx.addIssue({ code: "custom", message: tooMany?.message ?? "The group selection is not valid: choose the groups again." });
    return z.NEVER;
  }),
);

// The fields the rules across fields read. Those rules run once these parsed, whatever else is wrong, so a fault
// elsewhere on the form (a NUL in Package) is shown together with a backwards range, not one save after the other.
const crossFieldInputs: ReadonlySet<PropertyKey> = new Set([
  "scope",
  "scopeGroups",
  "extensionMode",
  "extensionAttribute",
  "extensionRule",
  "extensionDigits",
  "rangeStart",
  "rangeEnd",
]);

type Groups = { id: string; displayName: string }[];
type ProvisioningSource = Exclude<DirectorySource, "manual">;

/** What each source's scope field posts: Entra the group picker's JSON, Active Directory DNs, SCIM nothing (everyone Entra assigns). */
const scopeGroupsOf: Record<ProvisioningSource, z.ZodType<Groups, unknown>> = {
  entra: entraGroups,
  "active-directory": adGroupDns,
  scim: z.preprocess((): Groups => [], z.array(z.object({ id: z.string(), displayName: z.string() }))),
};

/**
 * The Provisioning screen's fields, as its form posts them, for one source
 * (the screen fixes the source; the form never names it) and the attributes
 * an extension may be read from there (extensionAttributesOf, passed in so
 * that validation depends on no engine). Every rule that needs no database
 * is here, each on its field; the save adds the one that does (a range
 * overlapping extensions held by others).
 */
export function provisioningSettingsInput({ source, attributes: offered }: { source: ProvisioningSource; attributes: readonly string[] }) {
  return z
    .object({
      usage: z.enum(["use", "not_use"], { message: "Choose Use or Not use." }),
      scope: z.enum(["everyone", "groups"], { message: "Choose everyone or members of chosen groups." }).default("everyone"),
      scopeGroups: scopeGroupsOf[source],
      site: optionalText(80),
      package: optionalText(80),
      userType: optionalText(80),
      groupMemberType: z.preprocess(
        (v) => (v === "" || v === undefined ? null : v),
        z.enum(groupMemberTypes, { message: "Choose single-site or multi-site." }).nullable(),
      ),
      extensionMode: z.enum(extensionModes, { message: "Choose where extensions come from." }),
      extensionAttribute: optionalText(64),
      extensionRule: z.enum(extensionRules, { message: "Choose how the attribute becomes an extension." }).default("whole"),
      extensionDigits: z.preprocess(
        (v) => (v === "" || v === undefined ? null : v),
        z.coerce
          .number({ message: "Enter how many digits, 2 to 8." })
          .int("Enter how many digits, 2 to 8.")
          .min(2, "Enter how many digits, 2 to 8.")
          .max(8, "Enter how many digits, 2 to 8.")
          .nullable(),
      ),
      rangeStart: rangeBound("start"),
      rangeEnd: rangeBound("end"),
      createSoftphone: checkbox,
      createMobile: checkbox,
      graceDays: z
        .string({ message: "Enter the grace period in whole days, 1 to 365." })
        .trim()
        .regex(/^[0-9]{1,3}$/, "Enter the grace period in whole days, 1 to 365.")
        .transform(Number)
        .pipe(z.number().min(1, "The grace period is 1 to 365 days.").max(365, "The grace period is 1 to 365 days.")),
    })
    .superRefine(
      (v, ctx) => {
        const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
        if (source === "scim" && v.scope === "groups") issue("scope", "SCIM provisions everyone Entra assigns to the app: choose the scope in Entra.");
        if (v.scope === "groups" && v.scopeGroups.length === 0) issue("scopeGroups", "Choose at least one group, or provision everyone.");

        const usesAttribute = v.extensionMode !== "range";
        const usesRange = v.extensionMode !== "attribute";
        if (usesAttribute) {
          if (v.extensionAttribute === null) issue("extensionAttribute", `Choose the attribute extensions are read from (${offered.join(", ")}).`);
          else if (!offered.includes(v.extensionAttribute)) issue("extensionAttribute", `Choose one of ${offered.join(", ")}.`);
          if (v.extensionRule === "last_digits" && v.extensionDigits === null) issue("extensionDigits", "Enter how many digits, 2 to 8.");
        }
        if (usesRange) {
          const needed = "Enter the extension range: people get the next free extension in it.";
          if (v.rangeStart === null) issue("rangeStart", needed);
          if (v.rangeEnd === null) issue("rangeEnd", needed);
        }
        if (v.rangeStart !== null && v.rangeEnd !== null && v.rangeStart > v.rangeEnd) issue("rangeEnd", "The end of the range must not be below its start.");
      },
      { when: ({ issues }) => issues.every((issue) => !crossFieldInputs.has(issue.path?.[0] ?? "")) },
    )
    .transform(({ scope, ...v }) => {
      const usesAttribute = v.extensionMode !== "range";
      return {
        ...v,
        // What a choice does not use is not kept: a stored value always means something.
        scopeGroups: scope === "groups" ? v.scopeGroups : [],
        extensionAttribute: usesAttribute ? v.extensionAttribute : null,
        extensionRule: usesAttribute ? v.extensionRule : ("whole" as const),
        extensionDigits: usesAttribute && v.extensionRule === "last_digits" ? v.extensionDigits : null,
      };
    });
}

export type ProvisioningSettingsInput = z.infer<ReturnType<typeof provisioningSettingsInput>>;
