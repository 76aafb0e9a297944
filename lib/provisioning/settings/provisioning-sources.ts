import type { DirectorySource } from "@/db/schema";

/** The sources whose people can be provisioned: every synced or pushed source (a manual entry is typed in, not provisioned). */
export const provisioningSources = ["entra", "active-directory", "scim"] as const satisfies readonly DirectorySource[];
export type ProvisioningSource = (typeof provisioningSources)[number];
