import { attributeLabels } from "@/lib/directory/attribute-labels";
import type { SyncedFieldName } from "@/lib/sync/synced-fields";

/**
 * What a person reads for each field a run records (every synced field, the
 * status, and the source's extra attributes): one map, so the run page, its
 * tests and any later screen name a field the same way.
 */
export const fieldLabels: Record<SyncedFieldName | "status" | "attributes", string> = {
  userPrincipalName: "User principal name",
  firstName: "First name",
  lastName: "Last name",
  displayName: "Display name",
  email: "E-mail",
  officePhone: "Office phone",
  mobilePhone: "Mobile phone",
  officePhoneE164: "Office phone (E.164)",
  mobilePhoneE164: "Mobile phone (E.164)",
  phonesE164: "Phone numbers (E.164)",
  unparsedPhones: "Numbers that could not be read",
  jobTitle: "Job title",
  department: "Department",
  accountName: "Account name",
  status: "Status",
  attributes: "Other attributes",
};

const attributeLabelOf = new Map(attributeLabels);

/** A recorded field's label: a synced field, the status, or one of the source's attributes (`attributes.manager`). */
export function fieldLabel(field: string): string {
  if (field.startsWith("attributes.")) return attributeLabel(field.slice("attributes.".length));
  return Object.hasOwn(fieldLabels, field) ? fieldLabels[field as keyof typeof fieldLabels] : field;
}

/** The entry page's label of an attribute (lib/directory/attribute-labels.ts); any other key as the source names it. */
export function attributeLabel(key: string): string {
  return attributeLabelOf.get(key) ?? key;
}
