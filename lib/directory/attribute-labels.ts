import type { SourceAttributes } from "@/db/schema";

/**
 * The sources' extra attributes (directory_entries.attributes) as the entry
 * page shows them: in this order, with these labels. Keys are the ones the
 * connectors write (lib/connectors/entra/graph-user.ts,
 * lib/connectors/active-directory/from-directory-user.ts); a key not listed
 * here is not shown.
 */
export const attributeLabels: readonly (readonly [key: string, label: string])[] = [
  ["officeLocation", "Office location"],
  ["employeeId", "Employee ID"],
  ["companyName", "Company"],
  ["city", "City"],
  ["country", "Country"],
  ["manager", "Manager"],
  ["ipPhone", "IP phone"],
  ["otherTelephone", "Other telephones"],
  ["businessPhones", "Business phones"],
  ...Array.from({ length: 15 }, (_, i) => [`extensionAttribute${i + 1}`, `Extension attribute ${i + 1}`] as const),
];

export type ShownAttribute = { key: string; label: string; value: string };

/** The attributes that hold a value, labelled, lists joined with commas; anything malformed is left out. */
export function shownAttributes(attributes: SourceAttributes | null | undefined): ShownAttribute[] {
  const shown: ShownAttribute[] = [];
  for (const [key, label] of attributeLabels) {
    if (!attributes || !Object.hasOwn(attributes, key)) continue;
    const raw: unknown = attributes[key];
    const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
    if (values.length > 0) shown.push({ key, label, value: values.join(", ") });
  }
  return shown;
}
