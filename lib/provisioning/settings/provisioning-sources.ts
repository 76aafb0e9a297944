import type { DirectorySource } from "@/db/schema";
import { connectorScreens } from "@/lib/connectors/screens";

/** The sources whose people can be provisioned: every synced or pushed source (a manual entry is typed in, not provisioned). */
export const provisioningSources = ["entra", "active-directory", "scim"] as const satisfies readonly DirectorySource[];
export type ProvisioningSource = (typeof provisioningSources)[number];

/** The screen a source's people come from; its Provisioning screen lives under it. Free of server code, for client components too. */
const screenOf = ({ label, segment }: { label: string; segment: string }) => ({
  label,
  connectorPath: `/authority/${segment}`,
  path: `/authority/${segment}/provisioning`,
});

export const provisioningScreens: Record<ProvisioningSource, { label: string; connectorPath: string; path: string }> = {
  entra: screenOf(connectorScreens.entra),
  "active-directory": screenOf(connectorScreens["active-directory"]),
  // SCIM pushes people rather than being a pull connector: its screen is its own.
  scim: screenOf({ label: "SCIM", segment: "scim" }),
};
