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

/** The well-known keys of `attributes` (Entra's and AD's names); any other key is shown as the source names it. */
const attributeLabels: Record<string, string> = {
  officeLocation: "Office location",
  employeeId: "Employee ID",
  companyName: "Company name",
  city: "City",
  country: "Country",
  manager: "Manager",
  businessPhones: "Business phones",
  ipPhone: "IP phone",
  otherTelephone: "Other telephones",
};

export function fieldLabel(field: string): string {
  return Object.hasOwn(fieldLabels, field) ? fieldLabels[field as keyof typeof fieldLabels] : field;
}

export function attributeLabel(key: string): string {
  if (Object.hasOwn(attributeLabels, key)) return attributeLabels[key]!;
  const numbered = /^extensionAttribute(\d+)$/.exec(key);
  return numbered ? `Extension attribute ${numbered[1]}` : key;
}
