import type { ProvisioningAction } from "@/db/schema";

/** Provisioning's actions as the run page names them. */
export const provisioningActionLabels: Record<ProvisioningAction, string> = {
  created: "User created",
  updated: "User updated",
  linked: "Existing login linked",
  suspended: "Suspended",
  restored: "Restored",
  scheduled_deletion: "Deletion scheduled",
  deleted: "Deleted",
  extension_clash: "Extension clash",
  no_extension: "No extension",
};
