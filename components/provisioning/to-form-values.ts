import type { ProvisioningSettings } from "@/db/schema";

/**
 * A source's stored provisioning settings cut down to what its form shows:
 * named one by one, so a column added for the engine (a run's bookkeeping)
 * stays on the server until the form asks for it.
 */
export function toProvisioningFormValues(row: ProvisioningSettings) {
  return {
    enabled: row.enabled,
    scopeGroups: row.scopeGroups,
    site: row.site,
    package: row.package,
    userType: row.userType,
    groupMemberType: row.groupMemberType,
    extensionMode: row.extensionMode,
    extensionAttribute: row.extensionAttribute,
    extensionRule: row.extensionRule,
    extensionDigits: row.extensionDigits,
    rangeStart: row.rangeStart,
    rangeEnd: row.rangeEnd,
    createSoftphone: row.createSoftphone,
    createMobile: row.createMobile,
    graceDays: row.graceDays,
    // Changes on every save: the form is rebuilt from what was stored.
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type ProvisioningFormValues = ReturnType<typeof toProvisioningFormValues>;
