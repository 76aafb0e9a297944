import type { ManagedField } from "@/db/schema";

/** How the user page names each field provisioning manages. */
export const managedFieldLabels: Record<ManagedField, string> = {
  name: "name",
  email: "e-mail",
  extension: "extension",
  site: "site",
  package: "package",
  userType: "user type",
  groupMemberType: "group member type",
};
